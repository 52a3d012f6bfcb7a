// The Node.js version check of npm start and npm test. Plain syntax and no imports at all: it must run,
// and say one clear line, on a Node too old for the rest of the code.

/** '20.19.0' → [20, 19, 0]; missing parts are 0. */
function parts(version) {
  return String(version)
    .replace(/^[^\d]*/, '')
    .split('.')
    .slice(0, 3)
    .map((p) => Number.parseInt(p, 10) || 0)
    .concat([0, 0, 0])
    .slice(0, 3);
}

/** The one line to print when `current` does not satisfy `engines` (a '>=X.Y[.Z]' range), else null. */
export function nodeVersionProblem(current, engines) {
  const match = /^\s*>=\s*v?(\d+(?:\.\d+){0,2})\s*$/.exec(String(engines));
  if (!match) return null;
  const have = parts(current);
  const need = parts(match[1]);
  for (let i = 0; i < 3; i++) {
    if (have[i] > need[i]) return null;
    if (have[i] < need[i])
      return `Guanjia needs Node.js ${match[1]} or newer; this is Node.js ${String(current).replace(/^v/, '')}. Install a newer Node.js (for example 22 LTS) and run the command again.`;
  }
  return null;
}
