/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from "vite";
import solid from "vite-plugin-solid";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));

/** `emptyOutDir` wipes dist/; put back the tracked placeholder afterwards. */
function keepGitkeep(): Plugin {
  return {
    name: "showcall-keep-gitkeep",
    apply: "build",
    closeBundle() {
      writeFileSync(new URL("./dist/.gitkeep", import.meta.url), "");
    },
  };
}

export default defineConfig({
  root,
  base: "./",
  plugins: [solid(), keepGitkeep()],
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    target: "es2022",
  },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
  },
});
