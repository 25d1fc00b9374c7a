'use strict';
// Every check in run.sh must pass on the module and fail on tests/fixtures/broken with the
// message for each planted defect. Passing on the real module matters as much as failing
// on the fixture: a check that always fails would otherwise look fine here.
//
//   node --test tests/broken-fixture.test.js     (run.sh does this after npm ci in tools/)

const { test, describe, before } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync, execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const moduleDir = path.resolve(__dirname, '..');
const fixture = path.join(__dirname, 'fixtures', 'broken');
const realModules = ['.', 'modules/config', 'examples/basic', 'examples/production'].map((d) => path.join(moduleDir, d));
const hasTerraform = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;
const noTerraform = hasTerraform ? false : 'NOTICE: terraform is not installed, so the fmt, validate and terraform test checks are not exercised';

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function node(script, dirs) {
  return run(process.execPath, [path.join(moduleDir, 'tools', script), ...dirs]);
}

function nodeAsync(script, dirs) {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(moduleDir, 'tools', script), ...dirs], (err, stdout, stderr) => {
      resolve({ status: err ? err.code : 0, output: `${stdout}${stderr}` });
    });
  });
}

function assertFinding(result, ...fragments) {
  assert.equal(result.status, 1, `expected exit 1 (problems found), got ${result.status}:\n${result.output}`);
  const line = result.output.split('\n').find((l) => fragments.every((f) => l.includes(f)));
  assert.ok(line, `no finding contains ${fragments.map((f) => JSON.stringify(f)).join(' and ')}:\n${result.output}`);
}

describe('schema check', () => {
  let broken;
  before(() => { broken = node('schema-check.js', [fixture]); });

  test('passes on the module, its submodule and examples', () => {
    const result = node('schema-check.js', realModules);
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, /0 problem\(s\)/);
  });

  test('rejects a misspelled argument and suggests the real one', () => {
    assertFinding(broken, 'unsupported argument "custom_subdomain"', 'azurerm floor 4.55.0', 'did you mean "custom_subdomain_name"');
  });

  test('rejects an argument azurerm removed (scale, replaced by sku in 4.0)', () => {
    assertFinding(broken, 'azurerm_cognitive_deployment.gpt4', 'unsupported argument "scale"', 'azurerm recent 4.x');
  });

  test('rejects a missing required argument and block', () => {
    assertFinding(broken, 'azurerm_cognitive_account.broken', 'missing required argument "sku_name"');
    assertFinding(broken, 'azurerm_cognitive_deployment.gpt4', 'missing required argument "sku"');
  });

  test('rejects a connection category the Azure model does not know', () => {
    assertFinding(broken, 'azapi_resource.bing_connection', 'body.properties.category "BingGrounding" is not a known value');
  });
});

describe('security check', () => {
  let broken;
  before(() => { broken = node('security-check.js', [fixture]); });

  test('passes on the module, its submodule and examples', () => {
    const result = node('security-check.js', realModules);
    assert.equal(result.status, 0, result.output);
  });

  test('rejects local auth', () => {
    assertFinding(broken, '[local-auth]', 'local_auth_enabled must be false');
    assertFinding(broken, '[local-auth]', 'azurerm_managed_redis.queue', 'access_keys_authentication_enabled must be false');
  });

  test('rejects a key in outputs', () => {
    assertFinding(broken, '[no-secrets]', 'output.account_key', 'output exposes a secret: azurerm_cognitive_account.broken.primary_access_key');
  });

  test('rejects secrets in the container env', () => {
    assertFinding(broken, '[container-env]', 'secret blocks are not allowed');
    assertFinding(broken, '[container-env]', 'env "AZURE_OPENAI_API_KEY" is backed by a secret');
  });

  test('rejects a subscription-scope role and a broad role', () => {
    assertFinding(broken, '[role-scope]', 'role assignment at subscription scope');
    assertFinding(broken, '[role-scope]', 'role "Contributor" is not on the least-privilege list');
  });

  test('rejects plain-HTTP ingress and plaintext Redis', () => {
    assertFinding(broken, '[tls]', 'allow_insecure_connections must be false');
    assertFinding(broken, '[tls]', 'azurerm_managed_redis.queue', 'client_protocol must be "Encrypted"');
  });

  test('rejects public access that ignores the isolation rules', () => {
    assertFinding(broken, '[network]', 'public_network_access_enabled must be false or follow');
    assertFinding(broken, '[network]', 'default_action must not be "Allow"');
    assertFinding(broken, '[network]', 'azurerm_managed_redis.queue', 'public_network_access must be "Disabled" or follow');
  });

  test('rejects a Bing key that would land in state', () => {
    assertFinding(broken, '[bing-key]', 'keys read by a data source are stored in state');
    assertFinding(broken, '[bing-key]', 'credentials in body are stored in state');
  });

  test('rejects a Foundry account that is not the keyless AIServices resource with a project', () => {
    assertFinding(broken, '[foundry-account]', 'kind must be "AIServices"', 'got "OpenAI"');
    assertFinding(broken, '[foundry-account]', 'project_management_enabled must be true', 'got false');
    assertFinding(broken, '[foundry-account]', 'custom_subdomain_name must be set');
    assertFinding(broken, '[foundry-account]', 'identity must be one block with type "SystemAssigned"', 'got ["UserAssigned"]');
    assertFinding(broken, '[foundry-account]', 'no azurerm_cognitive_account_project');
  });

  test('rejects a module without the two least-privilege role assignments', () => {
    assertFinding(broken, '[role-assignments]', 'exactly one "Cognitive Services OpenAI User"', 'found 0');
    assertFinding(broken, '[role-assignments]', 'exactly one "Azure AI User"', 'found 0');
  });

  test('rejects a Container App that does not run as the user-assigned identity', () => {
    assertFinding(broken, '[app-identity]', 'azurerm_container_app.app', 'must run as one user-assigned identity');
  });

  test('rejects a Bing connection that is not ApiKey on the Bing endpoint', () => {
    assertFinding(broken, '[bing-connection]', 'category must be "ApiKey"', 'got "BingGrounding"');
    assertFinding(broken, '[bing-connection]', 'authType must be "ApiKey"', 'got "AAD"');
    assertFinding(broken, '[bing-connection]', "target must be the Bing account's endpoint");
  });

  test('rejects version constraints other than the pinned ones', () => {
    assertFinding(broken, '[version-pins]', 'required_version must be ">= 1.11"', 'got ">= 1.10"');
    assertFinding(broken, '[version-pins]', 'required_providers.azurerm must be', '"~> 4.0"');
    assertFinding(broken, '[version-pins]', 'required_providers.azapi must be', '(unset)');
  });
});

// One change at a time to a copy of the real root module: the rules that look for something
// that must exist (rather than something that must not) fail on exactly that change.
describe('security check on single edits of the real module', () => {
  const edits = [
    {
      name: 'deleting the "Azure AI User" assignment',
      file: 'main.identity.tf',
      from: /resource "azurerm_role_assignment" "ai_user" \{[^}]*\}\n/,
      to: '',
      finding: ['[role-assignments]', 'exactly one "Azure AI User"', 'found 0'],
    },
    {
      name: 'deleting the "Cognitive Services OpenAI User" assignment',
      file: 'main.identity.tf',
      from: /resource "azurerm_role_assignment" "openai_user" \{[^}]*\}\n/,
      to: '',
      finding: ['[role-assignments]', 'exactly one "Cognitive Services OpenAI User"', 'found 0'],
    },
    {
      name: 'making the "Azure AI User" assignment conditional',
      file: 'main.identity.tf',
      from: 'resource "azurerm_role_assignment" "ai_user" {\n',
      to: 'resource "azurerm_role_assignment" "ai_user" {\n  count = var.bing_grounding_enabled ? 1 : 0\n',
      finding: ['[role-assignments]', 'azurerm_role_assignment.ai_user', 'must be unconditional'],
    },
    {
      name: 'handing the app the account identity as AZURE_CLIENT_ID',
      file: 'main.config.tf',
      from: 'azurerm_user_assigned_identity.agents.client_id',
      to: 'azurerm_cognitive_account.foundry.identity[0].principal_id',
      finding: ['[app-identity]', 'module.config', 'identity_client_id (AZURE_CLIENT_ID) must be azurerm_user_assigned_identity.agents.client_id'],
    },
    {
      name: 'custom subdomain not taken from module.config',
      file: 'main.foundry.tf',
      from: 'custom_subdomain_name      = module.config.names.custom_subdomain',
      to: 'custom_subdomain_name      = "${var.name_prefix}-foundry"',
      finding: ['[foundry-account]', 'custom_subdomain_name must be module.config.names.custom_subdomain'],
    },
  ];

  const results = new Map();
  before(async () => {
    // The checks run in parallel: each one starts the HCL parser afresh.
    await Promise.all(edits.map(async (edit) => {
      const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-edit-'));
      for (const f of fs.readdirSync(moduleDir).filter((n) => n.endsWith('.tf'))) fs.copyFileSync(path.join(moduleDir, f), path.join(copy, f));
      const original = fs.readFileSync(path.join(copy, edit.file), 'utf8');
      const changed = original.replace(edit.from, edit.to);
      if (changed === original) {
        results.set(edit, { status: null, output: `the edit no longer applies to ${edit.file}: update this test` });
      } else {
        fs.writeFileSync(path.join(copy, edit.file), changed);
        results.set(edit, await nodeAsync('security-check.js', [copy]));
      }
      fs.rmSync(copy, { recursive: true, force: true });
    }));
  });

  for (const edit of edits) {
    test(`fails on ${edit.name}`, () => assertFinding(results.get(edit), ...edit.finding));
  }
});

describe('terraform checks', { skip: noTerraform }, () => {
  let configCopy;
  before(() => {
    // A private copy, so `terraform init` leaves nothing in the working tree.
    configCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-config-'));
    fs.cpSync(path.join(moduleDir, 'modules', 'config'), configCopy, {
      recursive: true,
      filter: (src) => !src.includes(`${path.sep}.terraform`),
    });
    const init = run('terraform', ['init', '-backend=false', '-input=false', '-no-color'], { cwd: configCopy });
    assert.equal(init.status, 0, init.output);
  });

  // run.sh's own config_module step (tests/terraform-steps.sh), on a private copy of a fixture.
  function configModuleStep(fixtureName) {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), `tf-${fixtureName}-`));
    fs.cpSync(path.join(fixture, fixtureName), copy, { recursive: true });
    const result = run('bash', ['-c', 'source "$0" && config_module "$1"', path.join(__dirname, 'terraform-steps.sh'), copy]);
    fs.rmSync(copy, { recursive: true, force: true });
    return result;
  }

  test('the config module step passes on modules/config', () => {
    const result = run('bash', ['-c', 'source "$0" && config_module "$1"', path.join(__dirname, 'terraform-steps.sh'), configCopy]);
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, /Success! The configuration is valid/);
    assert.match(result.output, /Success! [1-9][0-9]* passed, 0 failed/);
  });

  test('terraform validate stops the config module step on an invalid module', () => {
    const result = configModuleStep('config-invalid');
    assert.notEqual(result.status, 0, result.output);
    assert.match(result.output, /Reference to undeclared local value/);
    assert.match(result.output, /terraform validate failed in/);
    assert.doesNotMatch(result.output, /passed, \d+ failed/, 'terraform test must not run after validate failed');
  });

  test('the config module step fails when no test ran', () => {
    const result = configModuleStep('config-without-tests');
    assert.notEqual(result.status, 0, result.output);
    assert.match(result.output, /Success! 0 passed, 0 failed/, 'terraform itself reports success here');
    assert.match(result.output, /terraform test ran no test/);
  });

  test('fmt -check lists the unformatted fixture file', () => {
    const result = run('terraform', ['fmt', '-check', '-recursive', '-no-color', fixture]);
    assert.notEqual(result.status, 0, result.output);
    assert.match(result.output, /unformatted\.tf/);
  });

  test('invalid environment inputs fail the config module tests', () => {
    const result = run('terraform', ['test', '-no-color', '-test-directory=tests/environments',
      '-filter=tests/environments/prod.tftest.hcl', `-var-file=${path.join(fixture, 'environments', 'prod.tfvars')}`],
    { cwd: configCopy });
    assert.notEqual(result.status, 0, result.output);
    assert.match(result.output, /gpt4_capacity must be a whole number between 1 and 10000/);
    assert.match(result.output, /prod must not use network_mode = "public"/);
  });

  test('valid environment inputs pass the same test', () => {
    const result = run('terraform', ['test', '-no-color', '-test-directory=tests/environments',
      '-filter=tests/environments/prod.tftest.hcl', `-var-file=${path.join(moduleDir, 'environments', 'prod.tfvars')}`],
    { cwd: configCopy });
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, /1 passed, 0 failed/);
  });
});
