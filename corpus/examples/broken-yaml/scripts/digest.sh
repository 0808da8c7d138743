#!/usr/bin/env bash
set -euo pipefail
grep -E 'ERROR|FATAL' "$1" | sed -E 's/^[^ ]+ //' | sort | uniq -c | sort -rn | head -20
