#!/usr/bin/env node
// The CLI runs from the committed bundle, so it works without a build step (and without node_modules).
await import('../dist/persona.mjs');
