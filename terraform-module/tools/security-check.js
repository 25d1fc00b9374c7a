#!/usr/bin/env node
'use strict';
// Security check: the module's security promises, read from the parsed configuration.
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

const { loadModule, address, isExpression, referencesIn, nestedBlocks } = require('./lib/hcl');
const { runCheck } = require('./lib/cli');

const SECRET_SEGMENT = /(^|_)(key[12]?|keys|password|secret|secrets|token|connection_string|credentials|sas)$/;
const SECRET_NAME = /KEY|SECRET|PASSWORD|TOKEN|CONNECTION_STRING|CREDENTIAL/i;
const CONFIG_ENV = 'module.config.env';

/** Least-privilege roles this module may grant, and the only scope each may have. */
const ROLE_SCOPES = {
  'Cognitive Services OpenAI User': 'azurerm_cognitive_account.',
  'Azure AI User': 'azurerm_cognitive_account_project.',
  AcrPull: 'var.container_registry_id',
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
      const fits = refs.length === 1 && (expected.startsWith('var.') ? refs[0] === expected : refs[0].startsWith(expected) && refs[0].endsWith('.id'));
      if (!fits) report(b, `"${role}" must be scoped to ${expected}${expected.startsWith('var.') ? '' : '<name>.id'}, got ${show(scope)}`);
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
};

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
