'use strict';
// Loads Terraform configuration with a real HCL parser (@cdktn/hcl2json, HashiCorp's HCL
// compiled to WebAssembly) and exposes its blocks in a uniform shape for the checks.

const fs = require('node:fs');
const path = require('node:path');
const hcl2json = require('@cdktn/hcl2json');

const BLOCK_KINDS = ['resource', 'data', 'ephemeral'];

/** Parses every *.tf file directly inside `dir` (a Terraform module is one directory). */
async function loadModule(dir) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.tf')).sort();
  const module = { dir, blocks: [], outputs: [], variables: [], calls: [], locals: new Map(), settings: [] };
  for (const file of files) {
    const filePath = path.join(dir, file);
    let json;
    try {
      json = await hcl2json.parse(filePath, fs.readFileSync(filePath, 'utf8'));
    } catch (err) {
      throw new Error(`${filePath}: HCL does not parse: ${err.message}`);
    }
    for (const kind of BLOCK_KINDS) {
      for (const [type, byName] of Object.entries(json[kind] || {})) {
        for (const [name, bodies] of Object.entries(byName)) {
          for (const body of bodies) module.blocks.push({ kind, type, name, body, file: filePath });
        }
      }
    }
    for (const [name, bodies] of Object.entries(json.output || {})) {
      for (const body of bodies) module.outputs.push({ name, body, file: filePath });
    }
    for (const [name, bodies] of Object.entries(json.variable || {})) {
      for (const body of bodies) module.variables.push({ name, body, file: filePath });
    }
    for (const locals of json.locals || []) {
      for (const [name, value] of Object.entries(locals)) module.locals.set(name, { value, file: filePath });
    }
    for (const body of json.terraform || []) module.settings.push({ body, file: filePath });
    for (const [name, bodies] of Object.entries(json.module || {})) {
      for (const body of bodies) module.calls.push({ name, body, file: filePath });
    }
  }
  return module;
}

/** Address as Terraform prints it, e.g. `ephemeral.azapi_resource_action.bing_keys`. */
function address(block) {
  const prefix = block.kind === 'resource' ? '' : `${block.kind}.`;
  return `${prefix}${block.type}.${block.name}`;
}

/** hcl2json renders every expression as a "${…}" template string; literals stay JSON values. */
function isExpression(value) {
  return typeof value === 'string' && value.includes('${');
}

/**
 * Collects the expression texts inside a value (strings of nested objects and lists too),
 * so a check can ask what an attribute refers to without evaluating it.
 */
function expressionsIn(value) {
  if (isExpression(value)) return [value];
  if (Array.isArray(value)) return value.flatMap(expressionsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(expressionsIn);
  return [];
}

/**
 * Traversals an attribute value refers to, found by HCL's own expression parser, with index
 * steps normalised: `azurerm_managed_redis.queue[0].hostname` -> "azurerm_managed_redis.queue.0.hostname".
 */
async function referencesIn(file, value) {
  const refs = [];
  for (const expression of expressionsIn(value)) {
    for (const ref of await hcl2json.getReferencesInExpression(file, expression)) refs.push(ref.value);
  }
  return refs;
}

/** Nested blocks of `body` named `name`, written directly or through `dynamic "name"`. */
function nestedBlocks(body, name) {
  const direct = Array.isArray(body[name]) ? body[name] : [];
  const dynamic = ((body.dynamic || {})[name] || []).flatMap((d) => d.content || []);
  return [...direct, ...dynamic];
}

module.exports = { loadModule, address, isExpression, referencesIn, nestedBlocks };
