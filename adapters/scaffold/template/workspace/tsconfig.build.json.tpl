// The compiled build of this package (`npm run build` at the root builds every package in
// order with `tsc -b`): JavaScript, declarations and source maps into dist/, resolving the
// other workspace packages to their own dist/ (no "cardweave-source" condition).
{
  "extends": "../../tsconfig.json",
  "compilerOptions": {
    "noEmit": false,
    "composite": true,
    "declaration": true,
    "sourceMap": true,
    "rootDir": ".",
    "outDir": "dist",
    "tsBuildInfoFile": "tsconfig.build.tsbuildinfo",
    "customConditions": [],
    "types": [
      "node"
    ]
  },
  "include": [
    "index.ts",
    "src"
  ],
  "exclude": [
    "**/*.test.ts",
    "dist",
    "node_modules"
  ],
  "references": [
    {
      "path": "../sdk/tsconfig.build.json"
    },
    {
      "path": "../testkit/tsconfig.build.json"
    }
  ]
}
