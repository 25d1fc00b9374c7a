'use strict';
// What the azapi blocks are checked against. No npm package ships the azapi provider schema,
// so its arguments are transcribed from the provider's generated docs at v2.5.0
// (docs/resources/resource.md, docs/ephemeral-resources/resource_action.md,
// docs/data-sources/resource_action.md). Request bodies are checked against:
//  - the Azure SDK for JavaScript's serialization model where one exists on npm
//    (@azure/arm-cognitiveservices: CognitiveServices connections, same API version), and
//  - documented shapes otherwise (Microsoft.Bing has no published schema; the
//    redisEnterprise shape matches azapi v2.5.0's embedded 2025-04-01 types).

const path = require('node:path');
const cognitiveServices = require('@azure/arm-cognitiveservices');

const sdkRoot = path.dirname(require.resolve('@azure/arm-cognitiveservices/package.json'));
// The serialization mappers are what the SDK itself validates requests with.
const cognitiveMappers = require(path.join(sdkRoot, 'dist', 'commonjs', 'models', 'mappers.js'));
const cognitiveApiVersion = new cognitiveServices.CognitiveServicesManagementClient(
  { getToken: async () => null }, '00000000-0000-0000-0000-000000000000').apiVersion;

const str = { type: { name: 'String' } };
const bool = { type: { name: 'Boolean' } };
const composite = (properties) => ({
  type: {
    name: 'Composite',
    modelProperties: Object.fromEntries(Object.entries(properties).map(([k, m]) => [k, { ...m, serializedName: k }])),
  },
});
const required = (mapper) => ({ ...mapper, required: true });

/** azapi v2.5.0 arguments: name → required. */
const AZAPI_ARGUMENTS = {
  'resource.azapi_resource': {
    type: true, body: false, create_headers: false, create_query_parameters: false, delete_headers: false,
    delete_query_parameters: false, identity: false, ignore_casing: false, ignore_missing_property: false,
    ignore_null_property: false, location: false, locks: false, name: false, parent_id: false, read_headers: false,
    read_query_parameters: false, replace_triggers_external_values: false, replace_triggers_refs: false,
    response_export_values: false, retry: false, schema_validation_enabled: false, sensitive_body: false,
    sensitive_body_version: false, tags: false, timeouts: false, update_headers: false, update_query_parameters: false,
  },
  'ephemeral.azapi_resource_action': {
    type: true, resource_id: true, action: false, body: false, headers: false, locks: false, method: false,
    query_parameters: false, response_export_values: false, retry: false, timeouts: false,
  },
  'data.azapi_resource_action': {
    type: true, resource_id: true, action: false, body: false, headers: false, method: false, query_parameters: false,
    response_export_values: false, retry: false, sensitive_response_export_values: false, timeouts: false,
  },
};

/**
 * Request bodies by `<resource type>@<api version>`: `mapper` in @azure/core-client format,
 * `source` saying where it comes from, `constants` the values the issue fixes.
 */
const BODIES = {
  [`Microsoft.CognitiveServices/accounts/projects/connections@${cognitiveApiVersion}`]: {
    source: `@azure/arm-cognitiveservices ${require('@azure/arm-cognitiveservices/package.json').version} (API ${cognitiveApiVersion}) model ConnectionPropertiesV2BasicResource`,
    mapper: cognitiveMappers.ConnectionPropertiesV2BasicResource,
    mappers: cognitiveMappers,
    knownValues: {
      'properties.category': Object.values(cognitiveServices.KnownConnectionCategory),
      'properties.authType': Object.values(cognitiveServices.KnownConnectionAuthType),
    },
  },
  'Microsoft.Bing/accounts@2020-06-10': {
    source: 'documented shape (Grounding with Bing Search: kind Bing.Grounding, SKU G1, location global)',
    mapper: composite({
      kind: required(str),
      sku: required(composite({ name: required(str) })),
      properties: composite({ statisticsEnabled: bool }),
    }),
    constants: { kind: 'Bing.Grounding', 'sku.name': 'G1' },
    location: 'global',
  },
  'Microsoft.Cache/redisEnterprise/databases/accessPolicyAssignments@2025-04-01': {
    source: 'documented shape of Microsoft.Cache redisEnterprise 2025-04-01 (AccessPolicyAssignmentProperties)',
    mapper: composite({
      properties: required(composite({
        accessPolicyName: required(str),
        user: required(composite({ objectId: str })),
      })),
    }),
    constants: { 'properties.accessPolicyName': 'default' },
  },
};

/** Actions azapi_resource_action may call, by resource type. */
const ACTIONS = {
  'Microsoft.Bing/accounts@2020-06-10': ['listKeys'],
};

module.exports = { AZAPI_ARGUMENTS, BODIES, ACTIONS };
