// node's tests import the site's modules as they are; those import the constants the build generates
// (assets/javascripts/guide-constants.js, from hooks/guidekit/shared_constants.py), which is no file in the
// source tree. Loaded first (`node --import ./tests/js/guide-constants.mjs --test …`, make test-js), this
// asks the project's Python for the same JSON once and answers every import of guide-constants.js with it.
import { execFileSync } from "node:child_process";
import { register } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const PYTHON = process.env.GUIDE_PYTHON || path.join(ROOT, ".venv", "bin", "python");

/** Run the project's Python (`args` after the interpreter) and return what it prints. */
export function python(args, input) {
  try {
    return execFileSync(PYTHON, args, { encoding: "utf8", input, stdio: ["pipe", "pipe", "pipe"], cwd: ROOT });
  } catch (error) {
    throw new Error(
      `${PYTHON} ${args.join(" ")} failed; run \`make install-dev\` or set GUIDE_PYTHON.\n${error.stderr || error}`,
    );
  }
}

export const JSON_TEXT = python(["-m", "guidekit.shared_constants"]).trim();

register("./guide-constants-hook.mjs", import.meta.url, { data: { source: `export default ${JSON_TEXT};\n` } });
