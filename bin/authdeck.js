#!/usr/bin/env node
// The bundle is built by `npm run build` (also run by `npm install` through "prepare").
import('../dist/authdeck.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/authdeck.js')) {
    process.stderr.write('authdeck: dist/ is missing; run `npm run build` first\n');
    process.exit(1);
  }
  throw error;
});
