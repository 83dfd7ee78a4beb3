{
  // Type checking (npm run typecheck) and the editor. The SDK and the testkit resolve to their
  // compiled dist/ through their package.json "exports".
  "compilerOptions": {
    "target": "ES2022",
    "module": "node16",
    "moduleResolution": "node16",
    "lib": ["ES2022"],
    "strict": true,
    "esModuleInterop": true,
    "skipLibCheck": true,
    "isolatedModules": true,
    "forceConsistentCasingInFileNames": true,
    "noEmit": true,
    "types": ["node", "jest"]
  },
  "include": ["index.ts", "src"],
  "exclude": ["node_modules", "dist"]
}
