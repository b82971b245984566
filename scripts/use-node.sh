# Source it: `. scripts/use-node.sh`. Puts a Node that the toolchain supports first on PATH for this shell.
# The toolchain (msw 3, @web/test-runner, puppeteer, html-minifier-next, …) needs Node ^22.20 or >=24.12
# (package.json devEngines); a machine with an older one (Node 20 here) gets Node 24 from the npm registry's
# node-linux-<arch> package, kept in ~/.cache, so no other download site is needed. npm stays the machine's.
want=24.22.3
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit((a === 22 && b >= 20) || a > 24 || (a === 24 && b >= 12) ? 0 : 1)' 2>/dev/null; then
  case "$(uname -m)" in x86_64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) arch="$(uname -m)" ;; esac
  dir="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/asset-gallery-elements/node-$want"
  if [ ! -x "$dir/node_modules/node-linux-$arch/bin/node" ]; then
    echo "Node $(node --version 2>/dev/null || echo 'missing') is too old for the toolchain: installing Node $want (npm package node-linux-$arch) into $dir"
    npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "node-linux-$arch@$want" >/dev/null
  fi
  export PATH="$dir/node_modules/node-linux-$arch/bin:$PATH"
fi
echo "Node $(node --version), npm $(npm --version)"
