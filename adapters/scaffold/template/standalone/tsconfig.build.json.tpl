{
  // The compiled adapter (npm run build): JavaScript and declarations into dist/, tests left out.
  "extends": "./tsconfig.json",
  "compilerOptions": {
    "noEmit": false,
    "declaration": true,
    "sourceMap": true,
    "rootDir": ".",
    "outDir": "dist",
    "types": ["node"]
  },
  "exclude": ["**/*.test.ts", "node_modules", "dist"]
}
