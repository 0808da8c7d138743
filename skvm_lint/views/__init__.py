"""Views: analysis facts rendered for people and tools (tables, Mermaid, Markdown sections, env-setup.sh).

A view reads the facts an analysis returns and renders them; it decides nothing about them. Reporters render a
run's findings; views render what a skill needs and how it runs. Fixes use views to write sections into SKILL.md.
"""
