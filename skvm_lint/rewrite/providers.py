"""LLM providers for the target rewrite, through the official SDKs (the `llm` extra): any OpenAI-compatible
chat-completions endpoint (OpenAI, OpenRouter, DeepSeek, vLLM, Ollama, llama.cpp's server) and Anthropic's Messages
API. Timeouts and retries with exponential backoff on 429 and 5xx are the SDKs' own (``max_retries``).

A model is named ``PROVIDER/MODEL``: ``openai/gpt-4o-mini``, ``anthropic/claude-sonnet-4-5``,
``ollama/qwen2.5:7b``, ``openai-compatible/any-name`` (with a base URL). The base URL and key come from the
options, then the environment (``SKVM_LINT_LLM_BASE_URL``, ``SKVM_LINT_LLM_API_KEY``, then the provider's usual
variable such as ``OPENAI_API_KEY``).
"""

from __future__ import annotations

import os

from msgspec import Struct

# provider -> (API family, default base URL, environment variable of its key)
KNOWN = {
    "openai": ("openai", None, "OPENAI_API_KEY"),
    "openrouter": ("openai", "https://openrouter.ai/api/v1", "OPENROUTER_API_KEY"),
    "deepseek": ("openai", "https://api.deepseek.com", "DEEPSEEK_API_KEY"),
    "ollama": ("openai", "http://127.0.0.1:11434/v1", None),
    "vllm": ("openai", "http://127.0.0.1:8000/v1", None),
    "llamacpp": ("openai", "http://127.0.0.1:8080/v1", None),
    "openai-compatible": ("openai", None, None),
    "anthropic": ("anthropic", None, "ANTHROPIC_API_KEY"),
}


class ProviderError(Exception):
    """The model could not be reached or answered unusably; the message says what to do."""


class Completion(Struct, frozen=True):
    text: str
    input_tokens: int
    output_tokens: int


class Provider(Struct):
    provider: str
    model: str
    base_url: str | None = None
    api_key: str | None = None
    timeout: float = 120.0
    max_retries: int = 4
    max_tokens: int = 8192

    @property
    def name(self) -> str:
        return f"{self.provider}/{self.model}"

    def complete(self, system: str, prompt: str) -> Completion:
        family = KNOWN[self.provider][0]
        try:
            return self._anthropic(system, prompt) if family == "anthropic" else self._openai(system, prompt)
        except ImportError:
            raise ProviderError("the rewrite talks to models through the official SDKs: pip install "
                                "'skvm-lint[llm]'") from None
        except ProviderError:
            raise
        except Exception as exc:  # the SDKs' errors carry the status and the server's message
            raise ProviderError(f"{self.name}: {type(exc).__name__}: {exc}") from exc

    def _openai(self, system: str, prompt: str) -> Completion:
        import openai

        client = openai.OpenAI(base_url=self.base_url, api_key=self.api_key or "not-needed", timeout=self.timeout,
                               max_retries=self.max_retries)
        response = client.chat.completions.create(
            model=self.model, temperature=0, max_tokens=self.max_tokens,
            messages=[{"role": "system", "content": system}, {"role": "user", "content": prompt}])
        if not response.choices or response.choices[0].message.content is None:
            raise ProviderError(f"{self.name}: the response has no message content")
        usage = response.usage
        return Completion(response.choices[0].message.content, usage.prompt_tokens if usage else 0,
                          usage.completion_tokens if usage else 0)

    def _anthropic(self, system: str, prompt: str) -> Completion:
        import anthropic

        client = anthropic.Anthropic(base_url=self.base_url, api_key=self.api_key or "not-needed",
                                     timeout=self.timeout, max_retries=self.max_retries)
        # no temperature: current versions of the SDK (and models) no longer take one
        response = client.messages.create(model=self.model, max_tokens=self.max_tokens, system=system,
                                          messages=[{"role": "user", "content": prompt}])
        text = "".join(block.text for block in response.content if getattr(block, "type", "") == "text")
        if not text:
            raise ProviderError(f"{self.name}: the response has no text")
        return Completion(text, response.usage.input_tokens, response.usage.output_tokens)


def provider_for(spec: str, *, base_url: str | None = None, api_key: str | None = None,
                 timeout: float = 120.0, max_retries: int = 4) -> Provider:
    """``PROVIDER/MODEL`` to a :class:`Provider`; ValueError says which providers exist."""
    name, sep, model = spec.partition("/")
    if not sep or not model or name not in KNOWN:
        raise ValueError(f"--model {spec!r}: expected PROVIDER/MODEL with PROVIDER one of {', '.join(KNOWN)} "
                         "(openai-compatible/NAME with --base-url for any other OpenAI-compatible server)")
    _family, default_url, key_variable = KNOWN[name]
    base_url = base_url or os.environ.get("SKVM_LINT_LLM_BASE_URL") or default_url
    if name == "openai-compatible" and not base_url:
        raise ValueError("openai-compatible models need a base URL: --base-url or SKVM_LINT_LLM_BASE_URL")
    api_key = api_key or os.environ.get("SKVM_LINT_LLM_API_KEY") or (
        os.environ.get(key_variable) if key_variable else None)
    if key_variable and not api_key and base_url == default_url:
        raise ValueError(f"{name} needs an API key: set {key_variable} (or SKVM_LINT_LLM_API_KEY)")
    return Provider(name, model, base_url, api_key, timeout, max_retries)
