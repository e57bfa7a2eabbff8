// office-addin-manifest pulls an ESM-only dependency that Jest cannot load; office-addin-mock only needs
// it for manifest helpers we never call, so tests map the module to this stub.
module.exports = {};
