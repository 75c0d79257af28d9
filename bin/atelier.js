#!/usr/bin/env node
// Thin launcher so `npx atelier` works from a built checkout (npm install builds dist/ through `prepare`).
const entry = new URL('../dist/cli/main.js', import.meta.url);
try {
  await import(entry.href);
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(entry.pathname)) {
    console.error('Atelier is not built yet: run `npm install` (or `npm run build:server`) in the Atelier directory first.');
    process.exit(1);
  }
  throw error;
}
