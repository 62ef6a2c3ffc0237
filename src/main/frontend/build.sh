#!/usr/bin/env bash
# Rebuilds the model editors' vendored browser bundles (src/main/resources/static/vendor/{bpmn-js-modeler,dmn-js,
# form-js-editor}) from npm, with the exact versions in package-lock.json. Needs node >= 18 and npm.
# Change a version: edit package.json, run `npm install`, then this script; commit package*.json and the bundles.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
node build.mjs
