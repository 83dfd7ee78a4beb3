{
  "name": "@cardweave/adapter-__ID__",
  "version": "0.1.0",
  "description": "The __ID__ platform adapter for Cardweave.",
  "private": true,
  "license": "UNLICENSED",
  "exports": {
    ".": {
      "cardweave-source": "./index.ts",
      "types": "./dist/index.d.ts",
      "default": "./dist/index.js"
    },
    "./simulator": {
      "cardweave-source": "./src/__ID__.simulator.ts",
      "types": "./dist/src/__ID__.simulator.d.ts",
      "default": "./dist/src/__ID__.simulator.js"
    },
    "./expectations": {
      "cardweave-source": "./src/__ID__.expectations.ts",
      "types": "./dist/src/__ID__.expectations.d.ts",
      "default": "./dist/src/__ID__.expectations.js"
    },
    "./package.json": "./package.json"
  },
  "files": ["dist"],
  "scripts": {
    "build": "tsc -b tsconfig.build.json"
  },
  "dependencies": {
    "@cardweave/adapter-sdk": "^0.1.0",
    "@cardweave/adapter-testkit": "^0.1.0"
  },
  "engines": {
    "node": ">=20"
  }
}
