#!/usr/bin/env bash
# Offline validation of the Terraform module; no Azure, no provider downloads.
#
#   bash terraform-module/tests/run.sh
#
# 1. schema check    azurerm/azapi arguments and blocks vs the provider schemas (Node)
# 2. security check  local auth, secrets, role scopes, TLS, network, Bing key (Node)
# 3. terraform fmt -check -recursive                            (needs terraform)
# 4. modules/config: terraform init -backend=false, validate, test; fails if no test ran
#    (needs terraform; tests/terraform-steps.sh)
# 5. environments/{dev,prod}.tfvars through the config module's tests (needs terraform)
# 6. the broken fixture: each check above fails on it with the expected message
#
# Exits non-zero when any step fails. Without terraform, steps 3-5 do not run and a NOTICE
# says so; they are never reported as passed.
set -uo pipefail

tests_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# terraform_test and config_module, shared with tests/broken-fixture.test.js, which runs
# them on broken copies to show that they fail.
source "$tests_dir/terraform-steps.sh"
module=$(dirname "$tests_dir")
tools="$module/tools"
module_dirs=("$module" "$module/modules/config" "$module/examples/basic" "$module/examples/production")
started=$SECONDS
passed=0
failed=0
failed_steps=()

step() {
  local name=$1
  shift
  echo "== $name"
  local t0=$SECONDS
  if "$@"; then
    passed=$((passed + 1))
    echo "-- ok: $name ($((SECONDS - t0))s)"
  else
    failed=$((failed + 1))
    failed_steps+=("$name")
    echo "-- FAILED: $name ($((SECONDS - t0))s)"
  fi
}

install_tools() {
  command -v node >/dev/null && command -v npm >/dev/null || {
    echo "node and npm are required (Node 18+): apt-get install nodejs npm" >&2
    return 1
  }
  # Exact versions from tools/package-lock.json; npm's cache makes reruns fast.
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
}

fmt_check() {
  # The broken fixture is unformatted on purpose; everything else must be canonical.
  local listed
  listed=$(terraform fmt -check -recursive -no-color "$module" 2>&1)
  local offending
  offending=$(grep -v "^tests/fixtures/broken/\|/tests/fixtures/broken/" <<<"$listed" | grep -v '^$')
  if [[ -n "$offending" ]]; then
    echo "not formatted (run terraform fmt -recursive):"
    echo "$offending"
    return 1
  fi
  grep -q "fixtures/broken/unformatted.tf" <<<"$listed" || {
    echo "fmt did not report the fixture's unformatted.tf: is fmt running at all?"
    return 1
  }
}

environment_files() (
  cd "$module/modules/config" || exit 1
  for env in dev prod; do
    echo "environments/$env.tfvars:"
    terraform_test -test-directory=tests/environments -filter="tests/environments/$env.tftest.hcl" \
      -var-file="$module/environments/$env.tfvars" || exit 1
  done
)

# A missing CLI configuration file only makes terraform print a warning on every call.
if [[ -n "${TF_CLI_CONFIG_FILE:-}" && ! -f "$TF_CLI_CONFIG_FILE" ]]; then
  export TF_CLI_CONFIG_FILE=/dev/null
fi
export TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1

step "install check tools (npm ci)" install_tools
step "schema check" node "$tools/schema-check.js" "${module_dirs[@]}"
step "security check" node "$tools/security-check.js" "${module_dirs[@]}"

if command -v terraform >/dev/null; then
  echo "terraform: $(terraform version | head -1)"
  step "terraform fmt -check -recursive" fmt_check
  step "modules/config: init, validate, test" config_module "$module/modules/config"
  step "environments/*.tfvars through modules/config" environment_files
else
  echo "NOTICE: terraform is not installed: fmt, validate, terraform test and the environment"
  echo "NOTICE: file checks did NOT run. Install Terraform >= 1.11 to run them."
fi

step "broken fixture fails every check" node --test "$tests_dir/broken-fixture.test.js"

echo "terraform-module validation took $((SECONDS - started))s"
if ((failed > 0)); then
  printf 'failed step: %s\n' "${failed_steps[@]}"
fi
echo "$passed passed, $failed failed"
((failed == 0))
