// Preloaded by `npm run preview:offline` ahead of tsx (node --require ./tools/preview/loadSdk.cjs
// --require tsx/cjs ...): @pulumi/pulumi and @pulumi/aws load as plain node loads them, before tsx's
// require hook exists. Through the hook, each of their ~3,000 files costs a resolution and a check
// by tsx, which was 0.6 s of a 3.7 s prod preview; the program's own TypeScript still goes through
// tsx (and its source maps) as before, and finds the SDKs in the module cache.
"use strict";
require("@pulumi/pulumi");
require("@pulumi/aws");
