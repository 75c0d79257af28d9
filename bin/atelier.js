#!/usr/bin/env node
// Thin launcher so `npx atelier` works from a built checkout (npm install builds dist/ through `prepare`).
import '../dist/cli/main.js';
