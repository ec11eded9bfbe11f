# Sourced by .ci/run: puts a supported Node.js first on PATH. @pulumi/pulumi 3.270 requires Node 22
# or newer (its engines field); package.json "engines" says which lines the project supports.
# Machines that still have an older node get the pinned LTS build from the npm registry's
# node-linux-<arch> package (the binary ships inside the package: no download from elsewhere),
# cached per version so later runs reuse it.
PLATFORM_NODE_VERSION=22.23.5
platform_node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$platform_node_major" -lt 22 ]; then
  case "$(uname -m)" in
    x86_64) platform_node_arch=x64 ;;
    aarch64 | arm64) platform_node_arch=arm64 ;;
    *) echo "no Node.js 22 build for $(uname -m) in the npm registry; install Node.js 22 or 24" >&2; exit 2 ;;
  esac
  platform_node_dir="${XDG_CACHE_HOME:-$HOME/.cache}/platform-node/$PLATFORM_NODE_VERSION"
  platform_node_bin="$platform_node_dir/node_modules/node-linux-$platform_node_arch/bin"
  if [ ! -x "$platform_node_bin/node" ]; then
    npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
      --prefix "$platform_node_dir" "node-linux-$platform_node_arch@$PLATFORM_NODE_VERSION"
  fi
  export PATH="$platform_node_bin:$PATH"
  echo "using Node.js $(node --version) from the npm registry (this machine has $platform_node_major)"
fi
