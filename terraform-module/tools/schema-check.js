#!/usr/bin/env node
'use strict';
// Schema check: every azurerm/azapi block, nested block and argument in the given module
// directories must exist in the provider schema (and required ones must be set), so a
// misspelled or removed argument fails here instead of at `terraform plan` against Azure.
//
//   node schema-check.js <module-dir>...
//
// azurerm: checked against the provider schema of azurerm 4.55.0 (the floor of our version
// constraint) and of a recent 4.x release, both read from npm (see lib/provider-schema.js).
// azapi: arguments against azapi v2.5.0's documented schema, `type` against the API versions
// we have models for, request bodies against those models (see lib/azapi-schema.js).
// module calls: arguments against the called module's variables.

const fs = require('node:fs');
const path = require('node:path');
const { loadModule, address, isExpression } = require('./lib/hcl');
const { loadAzurermSchemas } = require('./lib/provider-schema');
const { AZAPI_ARGUMENTS, BODIES, ACTIONS } = require('./lib/azapi-schema');
const { runCheck } = require('./lib/cli');

const META_ARGUMENTS = new Set(['count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'provisioner', 'connection']);
const MODULE_META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'depends_on', 'providers']);

async function checkModules(dirs) {
  const schemas = loadAzurermSchemas();
  const findings = [];
  let checked = 0;
  for (const dir of dirs) {
    const module = await loadModule(dir);
    for (const block of module.blocks) {
      const report = (message) => findings.push(`${block.file}: ${address(block)}: ${message}`);
      if (block.type.startsWith('azurerm_')) {
        checkAzurerm(block, schemas, report);
        checked += 1;
      } else if (block.type.startsWith('azapi_')) {
        checkAzapi(block, report);
        checked += 1;
      }
    }
    for (const call of module.calls) {
      await checkModuleCall(dir, call, (message) => findings.push(`${call.file}: module.${call.name}: ${message}`));
      checked += 1;
    }
  }
  return { findings, checked, schemas: schemas.map((s) => s.label) };
}

// --- azurerm -------------------------------------------------------------------------------

function checkAzurerm(block, schemas, report) {
  for (const provider of schemas) {
    const schema = provider.block(block.kind, block.type);
    if (!schema) {
      report(`${block.kind} type ${block.type} does not exist in ${provider.label}`);
      continue;
    }
    checkBody(block.body, schema, '', provider.label, true, report);
  }
}

/** `where` is the nested block path inside the resource ('' at the top). */
function checkBody(body, schema, where, label, topLevel, report) {
  const present = new Set();
  const inWhere = where ? ` in ${where}` : '';
  const child = (name) => (where ? `${where}.${name}` : name);
  for (const [key, value] of Object.entries(body)) {
    if (topLevel && META_ARGUMENTS.has(key)) continue;
    if (key === 'dynamic') {
      for (const [name, definitions] of Object.entries(value)) {
        present.add(name);
        if (!schema.blocks.has(name)) {
          report(`dynamic "${name}"${inWhere} is not a nested block in ${label}${suggest(name, schema)}`);
          continue;
        }
        for (const content of definitions.flatMap((d) => d.content || [])) {
          checkBody(content, schema.blocks.get(name).schema, child(name), label, false, report);
        }
      }
      continue;
    }
    present.add(key);
    if (schema.attributes.has(key)) continue;
    if (schema.blocks.has(key)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item && typeof item === 'object' && !Array.isArray(item)) {
          checkBody(item, schema.blocks.get(key).schema, child(key), label, false, report);
        } else {
          report(`${child(key)} is a nested block in ${label}: write it as a block`);
        }
      }
      continue;
    }
    report(`unsupported argument "${key}"${inWhere}: not in ${label}${suggest(key, schema)}`);
  }
  for (const [name, entry] of [...schema.attributes, ...schema.blocks]) {
    if (entry.required && !present.has(name)) report(`missing required argument "${name}"${inWhere} (${label})`);
  }
}

function suggest(name, schema) {
  const candidates = [...schema.attributes.keys(), ...schema.blocks.keys()]
    .map((c) => [c, editDistance(name, c)])
    .filter(([, d]) => d <= Math.max(1, Math.floor(name.length / 3)))
    .sort((a, b) => a[1] - b[1]);
  return candidates.length ? `; did you mean "${candidates[0][0]}"?` : '';
}

function editDistance(a, b) {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= b.length; j += 1) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

// --- azapi ----------------------------------------------------------------------------------

function checkAzapi(block, report) {
  const args = AZAPI_ARGUMENTS[`${block.kind}.${block.type}`];
  if (!args) {
    report(`${block.kind} type ${block.type} is not one the azapi checks know (${Object.keys(AZAPI_ARGUMENTS).join(', ')})`);
    return;
  }
  for (const key of Object.keys(block.body)) {
    if (!META_ARGUMENTS.has(key) && !(key in args)) report(`unsupported argument "${key}": not in azapi v2.5.0's ${block.type}`);
  }
  for (const [key, needed] of Object.entries(args)) {
    if (needed && !(key in block.body)) report(`missing required argument "${key}" (azapi v2.5.0)`);
  }
  const type = block.body.type;
  if (typeof type !== 'string' || isExpression(type)) {
    report('type must be a literal "<resource type>@<api version>" so it can be checked');
    return;
  }
  if (block.type === 'azapi_resource_action') {
    const allowed = ACTIONS[type];
    if (!allowed) report(`no actions are known for ${type}`);
    else if (!allowed.includes(block.body.action)) report(`action "${block.body.action}" is not one of ${allowed.join(', ')} for ${type}`);
    return;
  }
  const spec = BODIES[type];
  if (!spec) {
    const sameType = Object.keys(BODIES).filter((k) => k.split('@')[0] === type.split('@')[0]);
    report(sameType.length
      ? `${type}: no model for this API version; the checked model is ${sameType.join(', ')}`
      : `${type}: no model known; add one to tools/lib/azapi-schema.js`);
    return;
  }
  if (spec.location && block.body.location !== spec.location) {
    report(`location must be "${spec.location}" for ${type}, got ${JSON.stringify(block.body.location)}`);
  }
  // azapi merge-patches sensitive_body into body before sending the request.
  const request = mergePatch(block.body.body || {}, block.body.sensitive_body || {});
  checkMapper(request, spec.mapper, 'body', spec.mappers || {}, (m) => report(`${m} (${spec.source})`));
  for (const [at, expected] of Object.entries(spec.constants || {})) {
    const actual = valueAt(request, at);
    if (actual !== expected) report(`body.${at} must be ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
  for (const [at, known] of Object.entries(spec.knownValues || {})) {
    const actual = valueAt(request, at);
    if (actual !== undefined && !isExpression(actual) && !known.includes(actual)) {
      report(`body.${at} "${actual}" is not a known value (${spec.source})`);
    }
  }
}

function checkMapper(value, mapper, where, mappers, report) {
  if (value === null || value === undefined || isExpression(value)) return;
  const { type } = mapper;
  if (type.name === 'Composite') {
    if (typeof value !== 'object' || Array.isArray(value)) return report(`${where} must be an object`);
    let model = type.modelProperties ? type : mappers[type.className].type;
    const discriminator = model.polymorphicDiscriminator;
    if (discriminator && typeof value[discriminator.serializedName] === 'string' && !isExpression(value[discriminator.serializedName])) {
      const kind = value[discriminator.serializedName];
      const sub = mappers.discriminators[`${model.uberParent}.${kind}`];
      if (!sub) return report(`${where}.${discriminator.serializedName} "${kind}" is not a known kind`);
      model = sub.type;
    }
    const properties = new Map(Object.values(model.modelProperties)
      .filter((p) => !p.readOnly)
      .map((p) => [p.serializedName, p]));
    for (const [key, child] of Object.entries(value)) {
      const property = properties.get(key);
      if (!property) {
        report(`${where}.${key} is not a writable property of ${model.className || where} (known: ${[...properties.keys()].join(', ')})`);
      } else {
        checkMapper(child, property, `${where}.${key}`, mappers, report);
      }
    }
    for (const [key, property] of properties) {
      if (property.required && !(key in value)) report(`${where}.${key} is required`);
    }
  } else if (type.name === 'Sequence') {
    if (!Array.isArray(value)) return report(`${where} must be a list`);
    value.forEach((item, i) => checkMapper(item, type.element, `${where}[${i}]`, mappers, report));
  } else if (type.name === 'Dictionary') {
    if (typeof value !== 'object' || Array.isArray(value)) return report(`${where} must be a map`);
  } else if (type.name === 'String' && typeof value !== 'string') {
    report(`${where} must be a string`);
  } else if (type.name === 'Boolean' && typeof value !== 'boolean') {
    report(`${where} must be true or false`);
  } else if (type.name === 'Number' && typeof value !== 'number') {
    report(`${where} must be a number`);
  }
}

function mergePatch(target, patch) {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out = { ...(target && typeof target === 'object' && !Array.isArray(target) ? target : {}) };
  for (const [key, value] of Object.entries(patch)) out[key] = mergePatch(out[key], value);
  return out;
}

function valueAt(object, dotted) {
  return dotted.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), object);
}

// --- module calls ---------------------------------------------------------------------------

async function checkModuleCall(dir, call, report) {
  const source = call.body.source;
  if (typeof source !== 'string' || !source.startsWith('.')) return; // registry modules are not ours to check
  const calleeDir = path.resolve(dir, source);
  if (!fs.existsSync(calleeDir)) return report(`source ${source} does not exist`);
  const callee = await loadModule(calleeDir);
  const variables = new Map(callee.variables.map((v) => [v.name, v.body]));
  for (const key of Object.keys(call.body)) {
    if (!MODULE_META_ARGUMENTS.has(key) && !variables.has(key)) {
      report(`unsupported argument "${key}": ${source} has no variable "${key}"`);
    }
  }
  for (const [name, body] of variables) {
    if (!('default' in body) && !(name in call.body)) report(`missing required argument "${name}" of ${source}`);
  }
}

runCheck('schema-check.js', async (dirs) => {
  const { findings, checked, schemas } = await checkModules(dirs);
  return {
    findings: findings.map((f) => `SCHEMA: ${f}`),
    summary: `schema check: ${checked} blocks in ${dirs.length} module(s) against ${schemas.join(' and ')}`,
  };
});
