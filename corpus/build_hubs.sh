#!/usr/bin/env bash
# Build the hubs of skills that corpus/verdicts/*.tsv name as /tmp/hubs/<package>-<version>/...: the skills that
# npm and PyPI packages ship, each hub one package at the version the verdicts read. They are third-party data
# (MIT, Apache-2.0, BSD; see corpus/verdicts/README.md), so they are fetched here and never committed. Names the
# corpus or an earlier hub holds, and SKILL.md files byte-identical to theirs, are left out, as the verdicts were
# drawn.
#
# Usage: bash corpus/build_hubs.sh [DEST]   (DEST defaults to /tmp/hubs and must not exist yet)
# Needs: npm, pip, tar, unzip and the PyPI and npm registries. Takes about a minute and 200 MB of downloads.
# Then, e.g.: python corpus/rescore_verdicts.py --select DP,WF --hub-parent /tmp/hubs
set -euo pipefail
DEST=${1:-/tmp/hubs}
if [ -e "$DEST" ]; then
  echo "build_hubs.sh: $DEST exists; remove it or name another folder" >&2
  exit 2
fi
WORK=$(mktemp -d)
H="$DEST.partial"  # built here, then renamed: an interrupted build leaves no half-filled DEST
trap 'rm -rf "$WORK"' EXIT
rm -rf "$H" && mkdir -p "$H"
take() { for f in "$1"/*/SKILL.md; do cp -r "${f%/SKILL.md}" "$2/"; done; }  # the folders that hold a SKILL.md

# The claude-code-skills hub of the `*npm-claude-code-skills*.tsv` files: the skills its data/ folder lists
(cd "$WORK" && npm pack -q claude-code-skills@0.5.0 && mkdir ccs && tar xzf claude-code-skills-0.5.0.tgz -C ccs \
  && cp -r ccs/package/data/skills "$H/npm-claude-code-skills-0.5.0")

# The claude-flow and claude-skills hubs of `dp-cp-wf-npm-claude-flow.tsv`
cd "$WORK" && npm pack claude-flow@3.43.0 claude-skills@1.0.2 && mkdir cf cs
tar xzf claude-flow-3.43.0.tgz -C cf && tar xzf claude-skills-1.0.2.tgz -C cs
mkdir -p "$H"/npm-claude-flow-3.43.0/codex && cp -r cf/package/.claude/skills/* "$H"/npm-claude-flow-3.43.0/
cp -r cf/package/node_modules/@claude-flow/codex/.agents/skills/* "$H"/npm-claude-flow-3.43.0/codex/
cp -r cs/package/skills "$H"/npm-claude-skills-1.0.2

# The claude-agent-skills and claude-skills hubs of `dp-cp-wf-npm-pypi-claude-agent-skills.tsv`
cd "$WORK" && npm pack claude-agent-skills@1.5.5 && pip download --no-deps claude-skills==0.0.1 && mkdir cas pcs
tar xzf claude-agent-skills-1.5.5.tgz -C cas && (cd pcs && unzip -q ../claude_skills-0.0.1-py3-none-any.whl)
cp -r cas/package/bundled-skills "$H"/npm-claude-agent-skills-1.5.5 && cd "$H"/npm-claude-agent-skills-1.5.5
rm -r brainstorming council dispatching-parallel-agents executing-plans finishing-a-development-branch \
  receiving-code-review requesting-code-review subagent-driven-development systematic-debugging \
  test-driven-development using-git-worktrees using-superpowers verification-before-completion writing-plans writing-skills
cp -r "$WORK"/pcs/claude_skills/skills "$H"/pypi-claude-skills-0.0.1 && cd "$H"/pypi-claude-skills-0.0.1
rm -r claude-api mcp-builder pdf playwright security-best-practices webapp-testing xlsx grill-me setup-pre-commit tdd \
  to-issues to-prd triage

# The bmad-method hub of `dp-cp-wf-npm-bmad-method.tsv` (one folder per skill, named as the skill)
cd "$WORK" && npm pack bmad-method@6.12.0 && mkdir bm && tar xzf bmad-method-6.12.0.tgz -C bm && cd bm/package
mkdir -p "$H"/npm-bmad-method-6.12.0
find . -name SKILL.md | grep -v validate-skills | while read -r f; do d=$(dirname "$f"); \
  cp -r "$d" "$H"/npm-bmad-method-6.12.0/"$(basename "$d")"; done

# The two PyPI hubs of the `*-unseen-pypi-hubs*.tsv` files (skills shipped inside the packages; agent-skills as
# above)
cd "$WORK" && pip download --no-deps skillsmith==1.1.6 nanobot-ai==0.3.5 -d unseen && cd unseen
unzip -q skillsmith-1.1.6-py3-none-any.whl -d sm && unzip -q nanobot_ai-0.3.5-*.whl -d nb
cp -r sm/skillsmith/templates/.agent/skills "$H"/pypi-skillsmith-1.1.6
cp -r nb/nanobot/skills "$H"/pypi-nanobot-ai-0.3.5

# The seven packages of `dp-cp-wf-fresh-pypi-npm.tsv` (one folder per package; the names the corpus or the earlier
# hubs hold, and SKILL.md files byte-identical to theirs, are left out: 7 of copaw's 15, 1 of superclaude's 6, 1 of
# openclaw-py's 9, 10 of letta's 25)
cd "$WORK" && for p in copaw==1.0.2 SuperClaude==4.3.0 openclaw-py==0.3.0 letta==0.34.12 google-adk==2.13.0 agno==3.1.10; do
  pip download -q --no-deps -d "x-${p%%==*}" "$p" && (cd "x-${p%%==*}" && unzip -q ./*.whl -d w); done
npm pack cc-sdd@3.0.2 && mkdir ccsdd && tar xzf cc-sdd-3.0.2.tgz -C ccsdd
mkdir -p "$H"/pypi-copaw-1.0.2 "$H"/pypi-superclaude-4.3.0 "$H"/pypi-openclaw-py-0.3.0 "$H"/pypi-letta-0.34.12 \
  "$H"/pypi-google-adk-2.13.0 "$H"/pypi-agno-3.1.10 "$H"/npm-cc-sdd-3.0.2
take x-copaw/w/copaw/agents/skills "$H"/pypi-copaw-1.0.2
take x-SuperClaude/w/superclaude/_plugins/superclaude/skills "$H"/pypi-superclaude-4.3.0
take x-openclaw-py/w/pyclaw/bundled_skills "$H"/pypi-openclaw-py-0.3.0
take x-letta/w/letta_code/_payload/app/skills "$H"/pypi-letta-0.34.12
take x-google-adk/w/google/adk/integrations/bigquery/skills "$H"/pypi-google-adk-2.13.0
take x-agno/w/agno/company/skills "$H"/pypi-agno-3.1.10
take ccsdd/package/templates/agents/claude-code-skills/skills "$H"/npm-cc-sdd-3.0.2
(cd "$H"/pypi-copaw-1.0.2 && rm -r cron docx guidance himalaya pdf pptx xlsx)
(cd "$H"/pypi-superclaude-4.3.0 && rm -r deep-research) && (cd "$H"/pypi-openclaw-py-0.3.0 && rm -r docx)
(cd "$H"/pypi-letta-0.34.12 && rm -r acquiring-skills browser-use creating-skills finding-agents image-generation \
  initializing-memory messaging-agents migrating-memory scheduling-tasks syncing-memory-filesystem)

# The two packages of `dp-cp-wf-claude-mem-upsonic.tsv` (claude-mem's `openclaw` folder and upsonic's `implement`,
# `research` and `code-review` are left out, names already held)
cd "$WORK" && npm pack claude-mem@13.25.3 && mkdir cmem && tar xzf claude-mem-13.25.3.tgz -C cmem
pip download -q --no-deps -d x-upsonic upsonic==0.77.3 && (cd x-upsonic && unzip -q ./*.whl -d w)
mkdir -p "$H"/npm-claude-mem-13.25.3 "$H"/pypi-upsonic-0.77.3
take cmem/package/plugin/skills "$H"/npm-claude-mem-13.25.3
cp -r x-upsonic/w/upsonic/skills/builtins/{data-analysis,summarization} "$H"/pypi-upsonic-0.77.3/
cp -r x-upsonic/w/upsonic/prebuilt/applied_scientist/template/skills/{analyze_current,benchmark,evaluate} \
  x-upsonic/w/upsonic/prebuilt/applied_scientist/template/skills/{experiment_management,progress} "$H"/pypi-upsonic-0.77.3/

# The five libraries of `dp-cp-wf-pypi-library-vendors.tsv` (modal's `modal` skill is left out, a name already held;
# of streamlit's two byte-different copies of `developing-with-streamlit`, the `meta-skill` one was read)
cd "$WORK" && for p in mlflow==3.18.0 streamlit==1.67.0 marimo==0.25.2 fastapi==0.165.0 great-expectations==1.24.1; do
  pip download -q --no-deps -d "x-${p%%==*}" "$p" && (cd "x-${p%%==*}" && unzip -q ./*.whl -d w); done
mkdir -p "$H"/pypi-mlflow-3.18.0 "$H"/pypi-streamlit-1.67.0 "$H"/pypi-marimo-0.25.2 "$H"/pypi-fastapi-0.165.0 \
  "$H"/pypi-great-expectations-1.24.1
take x-mlflow/w/mlflow/assistant/skills "$H"/pypi-mlflow-3.18.0
cp -r x-streamlit/w/streamlit/.agents/meta-skill/developing-with-streamlit "$H"/pypi-streamlit-1.67.0/
take x-marimo/w/marimo/_server/ai/skills "$H"/pypi-marimo-0.25.2
take x-fastapi/w/fastapi/.agents/skills "$H"/pypi-fastapi-0.165.0
take x-great-expectations/w/great_expectations/.agents/skills "$H"/pypi-great-expectations-1.24.1

# The two packages of `dp-cp-wf-pydantic-ai-gptme.tsv`
cd "$WORK" && for p in pydantic-ai-slim==2.78.0 gptme==0.35.1; do
  pip download -q --no-deps -d "x-${p%%==*}" "$p" && (cd "x-${p%%==*}" && unzip -q ./*.whl -d w); done
mkdir -p "$H"/pypi-pydantic-ai-slim-2.78.0 "$H"/pypi-gptme-0.35.1
take x-pydantic-ai-slim/w/pydantic_ai/.agents/skills "$H"/pypi-pydantic-ai-slim-2.78.0
take x-gptme/w/gptme/lessons/skills "$H"/pypi-gptme-0.35.1

# The hermes-agent and letta-code hubs of the `*-hermes-letta*.tsv` files (the skills the packages ship; every name
# the corpus or the earlier hubs hold is left out, 31 of hermes-agent's 177, none of letta-code's)
cd "$WORK" && pip download --no-deps --no-binary :all: hermes-agent==0.19.0 -d he && npm pack @letta-ai/letta-code@0.25.9
mkdir hx lt && tar xzf he/hermes_agent-0.19.0.tar.gz -C hx && tar xzf letta-ai-letta-code-0.25.9.tgz -C lt
mkdir -p "$H"/pypi-hermes-agent-0.19.0 && cp -r hx/hermes_agent-0.19.0/{skills,optional-skills} \
  "$H"/pypi-hermes-agent-0.19.0/ && cp -r lt/package/skills "$H"/npm-letta-code-0.25.9
for n in 1password agentmail airtable apple-notes apple-reminders blogwatcher claude-design codex excalidraw \
  github-code-review himalaya humanizer hyperliquid mcporter modal nano-pdf notion obsidian openhue peft polymarket \
  pytorch-lightning qmd requesting-code-review shopify solana songsee subagent-driven-development \
  systematic-debugging test-driven-development whisper; do
  find "$H"/pypi-hermes-agent-0.19.0 -type d -name "$n" -prune -exec rm -r {} +; done

# The two hubs of `dp-cp-wf-oh-my-opencode-npm-pypi-vendors.tsv` and `cap-oh-my-opencode-npm-pypi-vendors.tsv` (one
# folder per package; every name the corpus or the earlier hubs hold, and every SKILL.md byte-identical to one of
# theirs, is left out: 51 of oh-my-opencode's 86 copies (most are the same skills under dist/ and the Codex plugin),
# agent-browser's `agent-browser`, `dogfood` and `slack`, phoenix's `playground`, the `skill-creator` of mistral-
# vibe and kimi-cli, and `@playwright/cli`'s only skill).
cd "$WORK" && mkdir -p omo ab v && (cd omo && npm pack -q oh-my-opencode@4.19.4 && tar xzf ./*.tgz) \
  && (cd ab && npm pack -q agent-browser@0.27.0 && tar xzf ./*.tgz)
for p in ruflo@3.42.5 @slidev/cli@52.20.1 @tanstack/cli@0.71.0 trigger.dev@4.8.3 chrome-devtools-mcp@1.11.0; do
  d="v/$(echo "$p" | tr '/@' '__')"; mkdir -p "$d" && (cd "$d" && npm pack -q "$p" && tar xzf ./*.tgz); done
for p in arize-phoenix==20.26.1 sglang==0.5.23 mistral-vibe==3.0.3 kimi-cli==1.52.0 fast-agent-mcp==0.10.48 shiny==1.8.0; do
  pip download -q --no-deps --only-binary=:all: --python-version 3.12 -d "x-${p%%==*}" "$p" \
    && (cd "x-${p%%==*}" && unzip -q -o ./*.whl -d w); done
O=omo/package; S=$O/packages/shared-skills/skills; A=$O/.agents/skills; C=$O/packages/omo-codex/plugin/components
mkdir -p "$H"/npm-oh-my-opencode-4.19.4 && cp -r $S/{ast-grep,coding-agent-sessions,frontend,git-master,init-deep,lsp-setup} \
  $S/{programming,remove-ai-slops,review-work,start-work,ultimate-browsing,ulw-plan,ulw-research,visual-qa} \
  $A/{codex-qa,get-unpublished-changes,github-triage,hyperplan,omomomo,opencode-qa,pre-publish-review,publish} \
  $A/{remove-deadcode,security-research,tech-debt-audit,work-with-pr} \
  $C/comment-checker/skills/comment-checker $C/lcx/skills/{lcx-contribute-bug-fix,lcx-doctor,lcx-report-bug} \
  $C/lsp/skills/lsp $C/rules/skills/rules $C/teammode/skills/teammode $C/ultrawork/skills/ultrawork \
  $C/ulw-loop/skills/ulw-loop "$H"/npm-oh-my-opencode-4.19.4/
mkdir -p "$H"/npm-agent-browser-0.27.0 && cp -r ab/package/skill-data/{agentcore,core,electron,vercel-sandbox} "$H"/npm-agent-browser-0.27.0/
P=x-arize-phoenix/w/phoenix/server; mkdir -p "$H"/pypi-arize-phoenix-20.26.1 \
  && cp -r $P/agents/prompts/skills/{datasets,evaluators,experiments,phoenix-graphql} $P/mcp/skills/phoenix-error-analysis "$H"/pypi-arize-phoenix-20.26.1/
mkdir -p "$H"/pypi-sglang-0.5.23 && cp -r x-sglang/w/sglang/multimodal_gen/.agents/skills/sglang-diffusion-* "$H"/pypi-sglang-0.5.23/
mkdir -p "$H"/pypi-mistral-vibe-3.0.3 && cp -r x-mistral-vibe/w/vibe/plugins/builtins/vibe/skills/{create-plugin,vibe,worktree} "$H"/pypi-mistral-vibe-3.0.3/
mkdir -p "$H"/pypi-kimi-cli-1.52.0 && cp -r x-kimi-cli/w/kimi_cli/skills/kimi-cli-help "$H"/pypi-kimi-cli-1.52.0/
mkdir -p "$H"/pypi-fast-agent-mcp-0.10.48 && cp -r x-fast-agent-mcp/w/fast_agent/resources/examples/hf-toad-cards/skills/{pr-writing-review,session-investigator} "$H"/pypi-fast-agent-mcp-0.10.48/
mkdir -p "$H"/pypi-shiny-1.8.0 && cp -r x-shiny/w/shiny/.agents/skills/shiny-for-python "$H"/pypi-shiny-1.8.0/
mkdir -p "$H"/npm-ruflo-3.42.5 "$H"/npm-slidev-cli-52.20.1 "$H"/npm-tanstack-cli-0.71.0 "$H"/npm-trigger.dev-4.8.3 "$H"/npm-chrome-devtools-mcp-1.11.0
cp -r v/ruflo_3.42.5/package/src/ruvocal/.claude/skills/add-model-descriptions "$H"/npm-ruflo-3.42.5/
cp -r v/_slidev_cli_52.20.1/package/skills/slidev "$H"/npm-slidev-cli-52.20.1/
cp -r v/_tanstack_cli_0.71.0/package/skills/*/ "$H"/npm-tanstack-cli-0.71.0/
cp -r v/trigger.dev_4.8.3/package/skills/*/ "$H"/npm-trigger.dev-4.8.3/
cp -r v/chrome-devtools-mcp_1.11.0/package/skills/*/ "$H"/npm-chrome-devtools-mcp-1.11.0/

# The six packages of `dp-cp-wf-npm-pypi-vendor-clis.tsv` (one folder per package; the names the corpus or the
# earlier hubs hold are not copied)
cd "$WORK" && npm pack @qwen-code/qwen-code@0.24.4 @google/gemini-cli@0.61.0 claude-skill@1.2.1 \
  claude-code-plugins@1.0.3 bmad-builder@1.1.0 && pip download --no-deps agent-skills==1.1.1
mkdir qw gm cs1 ccp bb as && tar xzf qwen-code-qwen-code-0.24.4.tgz -C qw && tar xzf google-gemini-cli-0.61.0.tgz -C gm
tar xzf claude-skill-1.2.1.tgz -C cs1 && tar xzf claude-code-plugins-1.0.3.tgz -C ccp && tar xzf bmad-builder-1.1.0.tgz -C bb
(cd as && unzip -q ../agent_skills-1.1.1-py3-none-any.whl); B=qw/package/bundled
mkdir -p "$H"/npm-qwen-code-0.24.4 "$H"/npm-gemini-cli-0.61.0 "$H"/npm-claude-skill-1.2.1 "$H"/npm-claude-code-plugins-1.0.3 \
  "$H"/npm-bmad-builder-1.1.0 "$H"/pypi-agent-skills-1.1.1
for s in batch computer-use coordinate dataviz extension-creator goal-draft loop new-app qc-helper review simplify \
  stuck workflow-authoring workflow-creator zvec-grep-install; do cp -r $B/$s "$H"/npm-qwen-code-0.24.4/; done
cp -r $B/browser-use/runtime/node_modules/playwright-core/lib/tools/skills/playwright-{component-testing,trace} \
  qw/package/examples/skills/skills/synonyms "$H"/npm-qwen-code-0.24.4/
cp -r gm/package/bundle/builtin/antigravity-support gm/package/bundle/examples/skills/skills/greeter "$H"/npm-gemini-cli-0.61.0/
cp -r cs1/package/dist/src/templates/skills/_templates/core/{function,schema,type} \
  cs1/package/dist/src/templates/skills/{prd-generator,session-protocol} "$H"/npm-claude-skill-1.2.1/
cp -r ccp/package/plugins/skills/document-processing/pdf-processing "$H"/npm-claude-code-plugins-1.0.3/
cp -r bb/package/src/skills/bmad-{agent,workflow}-builder "$H"/npm-bmad-builder-1.1.0/
# github and pdf (names the corpus holds) were not there when dp-cp-wf-npm-pypi-vendor-clis.tsv was drawn, and were
# when dp-unseen-pypi-hubs.tsv was: that file's rows name them
cp -r as/agent_skills/skills/{crawl,events,text_summarizer,github,pdf} "$H"/pypi-agent-skills-1.1.1/

# The three packages of `dp-cp-wf-npm-openclaw-bundled.tsv` (the names the corpus or the earlier hubs hold, or whose
# SKILL.md is byte-identical to one of theirs, are not copied)
cd "$WORK" && npm pack openclaw@2026.9.6 clawdbot@2026.1.24 @mariozechner/pi-coding-agent@0.73.1
mkdir oc cb pi && tar xzf openclaw-2026.9.6.tgz -C oc && tar xzf clawdbot-2026.1.24.tgz -C cb
tar xzf mariozechner-pi-coding-agent-0.73.1.tgz -C pi && P=oc/package
mkdir -p "$H"/npm-openclaw-2026.9.6 "$H"/npm-clawdbot-2026.1.24 "$H"/npm-pi-coding-agent-0.73.1
cp -r $P/skills/{xurl,diagram-maker,meme-maker,node-inspect-debugger,taskflow,sherpa-onnx-tts,python-debugpy,spike} \
  $P/skills/{taskflow-inbox-triage,node-connect,healthcheck,visualize,gh-issues,control-ui} \
  $P/dist/extensions/memory-wiki/skills/{wiki-maintainer,obsidian-vault-maintainer} $P/dist/extensions/canvas/skills/canvas \
  $P/dist/extensions/crabbox/skills/crabbox-apps \
  $P/custodian-skills/{cloud-image-bake,add-model-provider,diagnose-gateway,configure-channel} \
  $P/node_modules/chrome-devtools-mcp/skills/{a11y-debugging,chrome-devtools-cli,memory-leak-debugging,chrome-devtools} \
  $P/node_modules/chrome-devtools-mcp/skills/{debug-optimize-lcp,troubleshooting} "$H"/npm-openclaw-2026.9.6/
cp -r cb/package/skills/{session-logs,voice-call} "$H"/npm-clawdbot-2026.1.24/
cp -r pi/package/examples/extensions/dynamic-resources "$H"/npm-pi-coding-agent-0.73.1/

# The four packages of `dp-cp-wf-fresh-2026-12-06.tsv` and `cap-fresh-2026-12-06.tsv` (one folder per package; the
# names the corpus or the earlier hubs hold are not copied: qodercli's skill-creator, openai-agents' playwright,
# pydantic-ai-skills' data-analysis; the openai-agents and pydantic-ai-skills skills are examples in their sdists)
cd "$WORK" && mkdir qd osk && npm pack -q @qoder-ai/qodercli@1.1.52 openskills@1.5.0
tar xzf qoder-ai-qodercli-1.1.52.tgz -C qd && tar xzf openskills-1.5.0.tgz -C osk
pip download -q --no-deps --no-binary :all: -d sd openai-agents==0.24.0 pydantic-ai-skills==2.1.0
tar xzf sd/openai_agents-0.24.0.tar.gz -C sd && tar xzf sd/pydantic_ai_skills-2.1.0.tar.gz -C sd
Q=qd/package/bundle; E=sd/openai_agents-0.24.0/examples; X=sd/pydantic_ai_skills-2.1.0
mkdir -p "$H"/npm-qodercli-1.1.52 "$H"/npm-openskills-1.5.0 "$H"/pypi-openai-agents-0.24.0 "$H"/pypi-pydantic-ai-skills-2.1.0
cp -r $Q/builtin/{agent-creator,hook-config,sdk} $Q/vendor/qoder-security/skills/security-scan "$H"/npm-qodercli-1.1.52/
cp -r osk/package/examples/my-first-skill "$H"/npm-openskills-1.5.0/
cp -r $E/sandbox/healthcare_support/skills/prior-auth-packet-builder $E/sandbox/docs/skills/credit-note-fixer \
  $E/tools/skills/csv-workbench "$H"/pypi-openai-agents-0.24.0/
cp -r $X/examples/skills/{web-research,arxiv-search,pydanticai-docs} $X/.claude/skills/sonarqube "$H"/pypi-pydantic-ai-skills-2.1.0/

cd / && mv "$H" "$DEST"
echo "built $(find "$DEST" -name SKILL.md | wc -l) skills in $(find "$DEST" -mindepth 1 -maxdepth 1 -type d | wc -l) hubs under $DEST"
