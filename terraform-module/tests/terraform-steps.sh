# Terraform steps of tests/run.sh, in a file of their own so that tests/broken-fixture.test.js
# can run exactly these functions on the broken fixtures:
#
#   bash -c 'source tests/terraform-steps.sh && config_module DIR'

# Runs `terraform test` with the given arguments and fails unless at least one test ran:
# terraform itself reports success when a module has no test file at all.
terraform_test() {
  local out
  out=$(terraform test -no-color "$@" 2>&1)
  local status=$?
  echo "$out" | grep -E '^(tests/|  run |Success|Failure|Error|  on |[A-Za-z].* must )' || true
  local ran
  ran=$(sed -n 's/.* \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed.*/\1/p' <<<"$out" | tail -1)
  if [[ $status -ne 0 ]]; then
    echo "$out" | tail -40
    return 1
  fi
  if [[ -z "$ran" || "$ran" -eq 0 ]]; then
    echo "terraform test ran no test: add tests/*.tftest.hcl with run blocks"
    return 1
  fi
}

# init -backend=false, validate and test of a provider-free module directory.
config_module() (
  cd "$1" || exit 1
  local init
  init=$(terraform init -backend=false -input=false -no-color 2>&1) || {
    echo "$init"
    echo "terraform init failed in $1"
    exit 1
  }
  terraform validate -no-color || {
    echo "terraform validate failed in $1"
    exit 1
  }
  terraform_test
)
