// The sideloading tools (office-addin-debugging, office-addin-dev-certs) live in their own package,
// tools/sideload, installed on demand with `npm run sideload:install` and never by `npm ci`: they pull
// keytar, a native module whose build needs libsecret-1-dev on Linux, and must not break the install.
// CUSTOMER_PYRAMID_SIDELOAD_DIR points at another folder (tests use it).
const fs = require('node:fs');
const path = require('node:path');

/** The folder of the sideloading package. */
function sideloadDir() {
  return process.env.CUSTOMER_PYRAMID_SIDELOAD_DIR ?? path.join(__dirname, '..', 'tools', 'sideload');
}

/** The installed folder of one of the tools, or undefined when it is not installed. */
function sideloadTool(name) {
  const folder = path.join(sideloadDir(), 'node_modules', name);
  return fs.existsSync(path.join(folder, 'package.json')) ? folder : undefined;
}

/** What to run to install the tools (printed when one is missing). */
function installHint(tool, purpose) {
  return [
    `${purpose} needs ${tool}, which \`npm ci\` does not install: it builds keytar, a native module.`,
    'Install the sideloading tools once:',
    '  Linux only, first: sudo apt-get install libsecret-1-dev   (Fedora: sudo dnf install libsecret-devel)',
    '  then:              npm run sideload:install',
    'The command line, the playground page and the tests do not need them.',
  ].join('\n');
}

module.exports = { sideloadDir, sideloadTool, installHint };
