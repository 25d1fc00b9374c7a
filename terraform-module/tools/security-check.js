#!/usr/bin/env node
'use strict';
// Security check: the module's security and consistency promises, read from the parsed
// configuration. These are the values `terraform plan` would accept either way, so nothing
// else in the build would notice if they changed.
//
//   node security-check.js <module-dir>...
//
// Rules (each finding names its rule):
//   local-auth     Foundry accounts have local_auth_enabled = false; Redis has access keys off.
//   no-secrets     no output and no container env var carries a key, password, token or
//                  connection string, or anything read through an ephemeral/action resource;
//                  no output is marked sensitive (there is nothing sensitive to output).
//   container-env  the Container App has no secrets, no secret-backed env vars, no registry
//                  password, and takes its env vars from module.config.env (whose keys the
//                  config module's tests pin to the library's variables).
//   role-scope     role assignments grant only the least-privilege roles, each on the one
//                  resource it is meant for, never a subscription or resource group.
//   tls            ingress refuses plain HTTP; Redis accepts TLS clients only.
//   network        public access of the Foundry resource and Redis follows the config
//                  module's tested network rules (prod isolated) or is off outright;
//                  no network ACL allows by default.
//   bing-key       the Bing key is read by an ephemeral action and written only through
//                  sensitive_body (write-only), so it never lands in state.
//   foundry-account  the Foundry resource is the current model: kind AIServices, project
//                  management on, a custom subdomain (from module.config when the module uses
//                  it, since the endpoints in the env map derive from it), a system-assigned
//                  identity, and a project under it.
//   role-assignments a module with a Foundry account grants exactly one unconditional
//                  "Cognitive Services OpenAI User" on the account and one "Azure AI User"
//                  on the project: without them the app's identity gets 401/403.
//   app-identity   the Container App runs as one user-assigned identity, and that identity is
//                  the principal of every role assignment, the registry pull identity and the
//                  AZURE_CLIENT_ID handed to module.config.
//   bing-connection  the project connection is category ApiKey with authType ApiKey, sits
//                  under a project and targets the Bing account's endpoint.
//   version-pins   modules with providers pin terraform >= 1.11 (write-only arguments),
//                  azurerm >= 4.55, < 5.0 and azapi ~> 2.5; provider-free modules pin >= 1.10.

const { loadModule, address, isExpression, referencesIn, nestedBlocks } = require('./lib/hcl');
const { runCheck } = require('./lib/cli');

const SECRET_SEGMENT = /(^|_)(key[12]?|keys|password|secret|secrets|token|connection_string|credentials|sas)$/;
const SECRET_NAME = /KEY|SECRET|PASSWORD|TOKEN|CONNECTION_STRING|CREDENTIAL/i;
const CONFIG_ENV = 'module.config.env';

/** Least-privilege roles this module may grant, and the only scope each may have. */
const ROLE_SCOPES = {
  'Cognitive Services OpenAI User': 'azurerm_cognitive_account.',
  'Azure AI User': 'azurerm_cognitive_account_project.',
  AcrPull: 'module.config.app.registry_id', // the validated container_registry_id
};

/** The account and project the two data-plane roles must be on (gap: deleting one passed). */
const REQUIRED_ROLES = [
  { role: 'Cognitive Services OpenAI User', on: 'azurerm_cognitive_account', why: 'chat completions' },
  { role: 'Azure AI User', on: 'azurerm_cognitive_account_project', why: 'the Agent Service' },
];

const CONNECTION_TYPE = 'Microsoft.CognitiveServices/accounts/projects/connections@';
const BING_TYPE = 'Microsoft.Bing/accounts@';
const IDENTITY_TYPE = 'azurerm_user_assigned_identity';

/** Version constraints (issue 10; terraform 1.11 rather than 1.10 for write-only arguments). */
const PINS = {
  terraform: '>= 1.11',
  providerFreeTerraform: '>= 1.10',
  providers: {
    azurerm: { source: 'hashicorp/azurerm', version: '>= 4.55, < 5.0' },
    azapi: { source: 'Azure/azapi', version: '~> 2.5' },
  },
};

const WIDE_SCOPES = [
  { prefix: 'data.azurerm_subscription', what: 'subscription' },
  { prefix: 'azurerm_subscription', what: 'subscription' },
  { prefix: 'data.azurerm_client_config', what: 'subscription' },
  { prefix: 'azurerm_management_group', what: 'management group' },
  { prefix: 'data.azurerm_management_group', what: 'management group' },
  { prefix: 'azurerm_resource_group', what: 'resource group' },
  { prefix: 'data.azurerm_resource_group', what: 'resource group' },
];

/** A reference reads a secret when it comes from an action/ephemeral result or names one. */
function isSecretReference(ref) {
  if (ref.startsWith('ephemeral.') || ref.startsWith('data.azapi_resource_action.')) return true;
  const steps = ref.split('.').slice(ref.startsWith('data.') ? 3 : 2);
  return steps.some((s) => SECRET_SEGMENT.test(s));
}

const rules = {
  async 'local-auth'(m, report) {
    for (const b of blocksOf(m, 'resource', 'azurerm_cognitive_account')) {
      if (b.body.local_auth_enabled !== false) {
        report(b, `local_auth_enabled must be false (Entra ID only, no API keys), got ${show(b.body.local_auth_enabled)}`);
      }
    }
    for (const b of blocksOf(m, 'resource', 'azurerm_managed_redis')) {
      for (const db of nestedBlocks(b.body, 'default_database')) {
        if (db.access_keys_authentication_enabled !== false) {
          report(b, `default_database.access_keys_authentication_enabled must be false (Entra ID only), got ${show(db.access_keys_authentication_enabled)}`);
        }
      }
    }
  },

  async 'no-secrets'(m, report) {
    for (const o of m.outputs) {
      const where = { file: o.file, label: `output.${o.name}` };
      if (SECRET_NAME.test(o.name)) report(where, 'output name suggests a secret; outputs must not carry secrets');
      if (o.body.sensitive === true) report(where, 'sensitive output: this module has no secret to output');
      for (const ref of await resolvedReferences(m, o.file, o.body.value)) {
        if (isSecretReference(ref)) report(where, `output exposes a secret: ${ref}`);
      }
    }
  },

  async 'container-env'(m, report) {
    for (const app of blocksOf(m, 'resource', 'azurerm_container_app')) {
      if (nestedBlocks(app.body, 'secret').length > 0) report(app, 'secret blocks are not allowed: the app authenticates with its managed identity');
      for (const registry of nestedBlocks(app.body, 'registry')) {
        if ('password_secret_name' in registry || 'username' in registry) report(app, 'registry must be pulled with the managed identity, not a password');
      }
      for (const template of nestedBlocks(app.body, 'template')) {
        for (const container of [...nestedBlocks(template, 'container'), ...nestedBlocks(template, 'init_container')]) {
          await checkContainerEnv(m, app, container, report);
        }
      }
    }
  },

  async 'role-scope'(m, report) {
    for (const b of blocksOf(m, 'resource', 'azurerm_role_assignment')) {
      const role = b.body.role_definition_name;
      const scope = b.body.scope;
      const refs = await referencesIn(b.file, scope);
      for (const wide of WIDE_SCOPES) {
        if (refs.some((r) => r.startsWith(wide.prefix))) report(b, `role assignment at ${wide.what} scope (${refs.join(', ')}): scope it to the one resource it is for`);
      }
      if (typeof scope === 'string' && !isExpression(scope) && !scope.includes('/providers/')) {
        report(b, `role assignment at subscription or resource group scope (${scope}): scope it to the one resource it is for`);
      }
      if (!(role in ROLE_SCOPES)) {
        report(b, `role ${show(role)} is not on the least-privilege list (${Object.keys(ROLE_SCOPES).join(', ')})`);
        continue;
      }
      const expected = ROLE_SCOPES[role];
      const exact = !expected.endsWith('.');
      const fits = refs.length === 1 && (exact ? refs[0] === expected : refs[0].startsWith(expected) && refs[0].endsWith('.id'));
      if (!fits) report(b, `"${role}" must be scoped to ${expected}${exact ? '' : '<name>.id'}, got ${show(scope)}`);
    }
  },

  async tls(m, report) {
    for (const app of blocksOf(m, 'resource', 'azurerm_container_app')) {
      for (const ingress of nestedBlocks(app.body, 'ingress')) {
        if (ingress.allow_insecure_connections !== false) report(app, `ingress.allow_insecure_connections must be false, got ${show(ingress.allow_insecure_connections)}`);
      }
    }
    for (const b of blocksOf(m, 'resource', 'azurerm_managed_redis')) {
      for (const db of nestedBlocks(b.body, 'default_database')) {
        if (db.client_protocol !== 'Encrypted') report(b, `default_database.client_protocol must be "Encrypted" (TLS), got ${show(db.client_protocol)}`);
      }
    }
  },

  async network(m, report) {
    for (const b of blocksOf(m, 'resource', 'azurerm_cognitive_account')) {
      await requireOffOrRule(b, 'public_network_access_enabled', false, 'module.config.network.public_network_access_enabled', report);
      for (const acl of nestedBlocks(b.body, 'network_acls')) {
        if (acl.default_action === 'Allow') report(b, 'network_acls.default_action must not be "Allow": a network ACL exists to deny by default');
      }
    }
    for (const b of blocksOf(m, 'resource', 'azurerm_managed_redis')) {
      await requireOffOrRule(b, 'public_network_access', 'Disabled', 'module.config.network.redis_public_access', report);
    }
  },

  async 'bing-key'(m, report) {
    for (const b of blocksOf(m, 'data', 'azapi_resource_action')) {
      report(b, 'keys read by a data source are stored in state: use ephemeral "azapi_resource_action"');
    }
    for (const b of blocksOf(m, 'resource', 'azapi_resource')) {
      if (JSON.stringify(b.body.body || {}).includes('"credentials"')) {
        report(b, 'credentials in body are stored in state: put them in sensitive_body (write-only)');
      }
      for (const ref of await referencesIn(b.file, b.body.sensitive_body)) {
        if (!ref.startsWith('ephemeral.')) report(b, `sensitive_body should come from an ephemeral resource, not ${ref} (which is in state)`);
      }
    }
  },
  async 'foundry-account'(m, report) {
    const projects = blocksOf(m, 'resource', 'azurerm_cognitive_account_project');
    const usesConfig = m.calls.some((c) => c.name === 'config');
    for (const b of blocksOf(m, 'resource', 'azurerm_cognitive_account')) {
      if (b.body.kind !== 'AIServices') report(b, `kind must be "AIServices" (the Foundry resource, not the legacy hub or a plain OpenAI account), got ${show(b.body.kind)}`);
      if (b.body.project_management_enabled !== true) report(b, `project_management_enabled must be true (projects and the Agent Service need it), got ${show(b.body.project_management_enabled)}`);
      await checkSubdomain(b, usesConfig, report);
      const identities = nestedBlocks(b.body, 'identity');
      if (identities.length !== 1 || !/\bSystemAssigned\b/.test(String(identities[0].type))) {
        report(b, `identity must be one block with type "SystemAssigned", got ${show(identities.map((i) => i.type))}`);
      }
      const own = [];
      for (const p of projects) {
        if ((await referencesIn(p.file, p.body.cognitive_account_id)).includes(`azurerm_cognitive_account.${b.name}.id`)) own.push(p);
      }
      if (own.length === 0) report(b, `no azurerm_cognitive_account_project has cognitive_account_id = azurerm_cognitive_account.${b.name}.id: the agents need a project`);
    }
  },

  async 'role-assignments'(m, report) {
    const accounts = blocksOf(m, 'resource', 'azurerm_cognitive_account');
    if (accounts.length === 0) return;
    const assignments = blocksOf(m, 'resource', 'azurerm_role_assignment');
    for (const { role, on, why } of REQUIRED_ROLES) {
      const matching = [];
      for (const b of assignments.filter((a) => a.body.role_definition_name === role)) {
        const refs = await referencesIn(b.file, b.body.scope);
        if (refs.length === 1 && refs[0].startsWith(`${on}.`) && refs[0].endsWith('.id')) matching.push(b);
      }
      if (matching.length !== 1) {
        report(accounts[0], `needs exactly one "${role}" role assignment scoped to ${on}.<name>.id (${why} for the app's identity), found ${matching.length}`);
      }
      for (const b of matching) {
        if ('count' in b.body || 'for_each' in b.body) report(b, `"${role}" must be unconditional (no count or for_each): the app cannot work without it`);
      }
    }
  },

  async 'app-identity'(m, report) {
    const apps = blocksOf(m, 'resource', 'azurerm_container_app');
    if (apps.length === 0) return;
    const used = new Set();
    for (const app of apps) {
      const identities = nestedBlocks(app.body, 'identity');
      const refs = identities.length === 1 ? await referencesIn(app.file, identities[0].identity_ids) : [];
      const name = identityName(refs, 'id');
      if (identities.length !== 1 || identities[0].type !== 'UserAssigned' || !name) {
        report(app, `must run as one user-assigned identity: identity { type = "UserAssigned", identity_ids = [${IDENTITY_TYPE}.<name>.id] }, got ${show(identities)}`);
        continue;
      }
      used.add(name);
      for (const registry of nestedBlocks(app.body, 'registry')) {
        if (identityName(await referencesIn(app.file, registry.identity), 'id') !== name) report(app, `registry.identity must be ${IDENTITY_TYPE}.${name}.id, the identity the app runs as`);
      }
    }
    if (used.size !== 1) return;
    const [name] = used;
    for (const b of blocksOf(m, 'resource', 'azurerm_role_assignment')) {
      if (identityName(await referencesIn(b.file, b.body.principal_id), 'principal_id') !== name) {
        report(b, `principal_id must be ${IDENTITY_TYPE}.${name}.principal_id, the identity the Container App runs as, got ${show(b.body.principal_id)}`);
      }
    }
    for (const call of m.calls.filter((c) => c.name === 'config')) {
      if (identityName(await referencesIn(call.file, call.body.identity_client_id), 'client_id') !== name) {
        report({ file: call.file, label: 'module.config' }, `identity_client_id (AZURE_CLIENT_ID) must be ${IDENTITY_TYPE}.${name}.client_id, the identity the Container App runs as, got ${show(call.body.identity_client_id)}`);
      }
    }
  },

  async 'bing-connection'(m, report) {
    const bingAccounts = blocksOf(m, 'resource', 'azapi_resource').filter((b) => String(b.body.type).startsWith(BING_TYPE)).map((b) => b.name);
    for (const b of blocksOf(m, 'resource', 'azapi_resource').filter((r) => String(r.body.type).startsWith(CONNECTION_TYPE))) {
      const properties = ((b.body.body || {}).properties) || {};
      if (properties.category !== 'ApiKey') report(b, `body.properties.category must be "ApiKey" (the category names the auth method; Bing grounding connections use ApiKey), got ${show(properties.category)}`);
      if (properties.authType !== 'ApiKey') report(b, `body.properties.authType must be "ApiKey" (the Bing key is the credential), got ${show(properties.authType)}`);
      const parent = await referencesIn(b.file, b.body.parent_id);
      const underProject = parent.length === 1
        ? parent[0].startsWith('azurerm_cognitive_account_project.') && parent[0].endsWith('.id')
        : /\/providers\/Microsoft\.CognitiveServices\/accounts\/[^/]+\/projects\/[^/]+$/.test(String(b.body.parent_id));
      if (!underProject) report(b, `parent_id must be the project (BING_CONNECTION_ID is {project_id}/connections/{name}), got ${show(b.body.parent_id)}`);
      const target = await referencesIn(b.file, properties.target);
      const fromBing = target.length === 1 && bingAccounts.some((n) => new RegExp(`^azapi_resource\\.${n}(\\.0)?\\.output\\.properties\\.endpoint$`).test(target[0]));
      if (!fromBing) report(b, `body.properties.target must be the Bing account's endpoint (azapi_resource.<bing>.output.properties.endpoint), got ${show(properties.target)}`);
    }
  },

  async 'version-pins'(m, report) {
    const settings = m.settings.length ? m.settings : [{ body: {}, file: `${m.dir}/versions.tf` }];
    const declared = Object.assign({}, ...settings.flatMap((s) => s.body.required_providers || []));
    const usesProviders = Object.keys(declared).length > 0 || m.blocks.some((b) => /^(azurerm|azapi)_/.test(b.type));
    const expected = usesProviders ? PINS.terraform : PINS.providerFreeTerraform;
    const versions = settings.map((s) => s.body.required_version).filter((v) => v !== undefined);
    const where = { file: settings[0].file, label: 'terraform' };
    if (versions.length !== 1 || versions[0] !== expected) {
      report(where, `required_version must be "${expected}"${usesProviders ? ' (write-only arguments keep the Bing key out of state)' : ''}, got ${show(versions[0])}`);
    }
    if (!usesProviders) return;
    for (const [name, pin] of Object.entries(PINS.providers)) {
      const got = declared[name];
      if (!got || got.source !== pin.source || got.version !== pin.version) {
        report(where, `required_providers.${name} must be { source = "${pin.source}", version = "${pin.version}" }, got ${show(got)}`);
      }
    }
  },
};

/** Name of the user-assigned identity a single reference points at (`attribute` of it), else null. */
function identityName(refs, attribute) {
  if (refs.length !== 1) return null;
  const match = new RegExp(`^${IDENTITY_TYPE}\\.([^.]+)\\.${attribute}$`).exec(refs[0]);
  return match ? match[1] : null;
}

async function checkSubdomain(b, usesConfig, report) {
  const value = b.body.custom_subdomain_name;
  if (value === undefined || value === null || value === '') {
    report(b, 'custom_subdomain_name must be set: Entra ID tokens and the openai.azure.com / services.ai.azure.com endpoints need it');
    return;
  }
  if (!usesConfig) return;
  const refs = await referencesIn(b.file, value);
  if (!(isExpression(value) && refs.length === 1 && refs[0] === 'module.config.names.custom_subdomain')) {
    report(b, `custom_subdomain_name must be module.config.names.custom_subdomain: the endpoints in the env map are derived from it, got ${show(value)}`);
  }
}

async function checkContainerEnv(m, app, container, report) {
  for (const env of container.env || []) {
    if ('secret_name' in env) report(app, `env ${show(env.name)} is backed by a secret; the library needs none`);
    if (typeof env.name === 'string' && SECRET_NAME.test(env.name)) report(app, `env ${env.name} looks like a credential`);
    for (const ref of await resolvedReferences(m, app.file, env.value)) {
      if (isSecretReference(ref)) report(app, `env ${show(env.name)} carries a secret: ${ref}`);
    }
  }
  for (const dynamic of (container.dynamic || {}).env || []) {
    const refs = await referencesIn(app.file, dynamic.for_each);
    if (refs.length !== 1 || refs[0] !== CONFIG_ENV) {
      report(app, `dynamic env must iterate ${CONFIG_ENV} (the tested variable set), got ${show(dynamic.for_each)}`);
    }
    for (const content of dynamic.content || []) {
      if ('secret_name' in content) report(app, 'dynamic env is backed by secrets; the library needs none');
    }
  }
}

/** References of a value, following local values to what they refer to. */
async function resolvedReferences(m, file, value, seen = new Set()) {
  const refs = [];
  for (const ref of await referencesIn(file, value)) {
    const local = ref.startsWith('local.') ? m.locals.get(ref.split('.')[1]) : undefined;
    if (local && !seen.has(ref)) {
      seen.add(ref);
      refs.push(...await resolvedReferences(m, local.file, local.value, seen));
    } else {
      refs.push(ref);
    }
  }
  return refs;
}

async function requireOffOrRule(block, attribute, offValue, rule, report) {
  const value = block.body[attribute];
  if (value === offValue) return;
  const refs = await referencesIn(block.file, value);
  if (!(isExpression(value) && refs.length === 1 && refs[0] === rule)) {
    report(block, `${attribute} must be ${show(offValue)} or follow ${rule} (prod isolation is tested there), got ${show(value)}`);
  }
}

function blocksOf(m, kind, type) {
  return m.blocks.filter((b) => b.kind === kind && b.type === type);
}

function show(value) {
  return value === undefined ? '(unset)' : JSON.stringify(value);
}

async function checkModules(dirs) {
  const findings = [];
  for (const dir of dirs) {
    const m = await loadModule(dir);
    for (const [id, rule] of Object.entries(rules)) {
      await rule(m, (where, message) => {
        const label = where.label || address(where);
        findings.push(`[${id}] ${where.file}: ${label}: ${message}`);
      });
    }
  }
  return findings;
}

runCheck('security-check.js', async (dirs) => ({
  findings: (await checkModules(dirs)).map((f) => `SECURITY: ${f}`),
  summary: `security check: ${Object.keys(rules).length} rules over ${dirs.length} module(s)`,
}));
