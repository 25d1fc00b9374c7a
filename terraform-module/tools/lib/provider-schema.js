'use strict';
// The azurerm provider schema, read offline from npm packages of CDK provider bindings.
// Those packages are generated from `terraform providers schema -json` of one azurerm
// release; their type declarations keep, for every argument and nested block, whether it
// is optional and a registry link whose anchor is the argument's Terraform name, e.g.
//   readonly cognitiveAccountId: string;  // {@link …/azurerm/4.55.0/docs/resources/cognitive_account_project#cognitive_account_id}
// We parse those declarations with the TypeScript compiler, so nothing is hand-maintained.

const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

/** The two releases the module's constraint `>= 4.55, < 5.0` is checked against. */
const AZURERM_SCHEMAS = [
  { label: 'azurerm floor', pkg: '@cdktf/provider-azurerm', metaInterface: 'cdktf.TerraformMetaArguments' },
  { label: 'azurerm recent 4.x', pkg: '@cdktn/provider-azurerm', metaInterface: 'cdktn.TerraformMetaArguments' },
];

class ProviderSchema {
  constructor({ label, pkg, metaInterface }) {
    this.pkg = pkg;
    this.metaInterface = metaInterface;
    this.root = path.dirname(require.resolve(`${pkg}/package.json`));
    this.cache = new Map();
    this.version = this.readVersion();
    this.label = `${label} ${this.version} (${pkg}@${require(`${pkg}/package.json`).version})`;
  }

  /** Schema of `azurerm_x` (kind "resource" or "data"), or null when the release lacks it. */
  block(kind, type) {
    const key = `${kind}.${type}`;
    if (!this.cache.has(key)) this.cache.set(key, this.load(kind, type));
    return this.cache.get(key);
  }

  load(kind, type) {
    const dir = (kind === 'data' ? `data-${type}` : type.replace(/^azurerm_/, '')).replace(/_/g, '-');
    const file = path.join(this.root, 'lib', dir, 'index.d.ts');
    if (!fs.existsSync(file)) return null;
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const interfaces = new Map();
    for (const st of source.statements) {
      if (ts.isInterfaceDeclaration(st)) interfaces.set(st.name.text, st);
    }
    const config = [...interfaces.values()].find((i) =>
      (i.heritageClauses || []).some((h) => h.types.some((t) => t.getText(source) === this.metaInterface)));
    if (!config) throw new Error(`${file}: no configuration interface extending ${this.metaInterface}`);
    const schema = this.struct(config, interfaces, source);
    const docPath = `/docs/${kind === 'data' ? 'data-sources' : 'resources'}/${type.replace(/^azurerm_/, '')}`;
    if (!schema.docPaths.has(docPath)) {
      throw new Error(`${file} documents ${[...schema.docPaths].join(', ')}, expected ${docPath}`);
    }
    return schema;
  }

  /** { attributes: Map(name → {required}), blocks: Map(name → {required, schema}) } */
  struct(decl, interfaces, source) {
    const schema = { attributes: new Map(), blocks: new Map(), docPaths: new Set() };
    for (const member of decl.members) {
      if (!ts.isPropertySignature(member)) continue;
      const link = registryLink(member);
      if (!link) throw new Error(`${source.fileName}: ${member.name.getText(source)} has no registry link`);
      schema.docPaths.add(link.pathname.replace(/^.*(\/docs\/)/, '$1'));
      const name = decodeURIComponent(link.hash.slice(1));
      const required = !member.questionToken;
      const nested = referencedInterfaces(member.type, interfaces);
      if (nested.length > 0) {
        schema.blocks.set(name, { required, schema: this.struct(nested[0], interfaces, source) });
      } else {
        schema.attributes.set(name, { required });
      }
    }
    return schema;
  }

  readVersion() {
    const source = fs.readFileSync(path.join(this.root, 'lib', 'provider', 'index.d.ts'), 'utf8');
    const parsed = ts.createSourceFile('provider.d.ts', source, ts.ScriptTarget.Latest, true);
    let version = null;
    const visit = (node) => {
      // Registry paths read /providers/hashicorp/azurerm/<version>/docs…
      for (const link of linksIn(node)) version = version || link.pathname.split('/')[4];
      if (!version) ts.forEachChild(node, visit);
    };
    visit(parsed);
    if (/^\d+\.\d+\.\d+$/.test(version || '')) return version;
    throw new Error(`${this.pkg}: cannot tell which azurerm release it was generated from`);
  }
}

/** The first {@link https://registry.terraform.io/…} in a declaration's JSDoc, as a URL. */
function registryLink(node) {
  return linksIn(node)[0] || null;
}

function linksIn(node) {
  const links = [];
  for (const doc of ts.getJSDocCommentsAndTags(node)) {
    const parts = Array.isArray(doc.comment) ? doc.comment : [];
    for (const part of parts) {
      if (part.kind !== ts.SyntaxKind.JSDocLink || !part.name) continue;
      // TypeScript splits "{@link https://x/y#z Label}" into name "https" and text "://x/y#z Label".
      const href = `${part.name.getText()}${part.text}`.split(/\s/)[0];
      if (href.startsWith('https://registry.terraform.io/')) links.push(new URL(href));
    }
  }
  return links;
}

function referencedInterfaces(typeNode, interfaces) {
  const found = [];
  const visit = (node) => {
    if (ts.isTypeReferenceNode(node) && interfaces.has(node.typeName.getText())) {
      found.push(interfaces.get(node.typeName.getText()));
    }
    ts.forEachChild(node, visit);
  };
  if (typeNode) visit(typeNode);
  return found;
}

function loadAzurermSchemas() {
  return AZURERM_SCHEMAS.map((s) => new ProviderSchema(s));
}

module.exports = { loadAzurermSchemas };
