# Shared by serve.sh and test.sh: a project-local virtualenv kept in step with
# the pinned requirements (reinstalled only when a requirements file changes).
ensure_venv() {
  local requirements=$1
  if ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
    apt_install python3-venv
  fi
  [ -x .venv/bin/python ] || python3 -m venv .venv
  local stamp=".venv/.installed-$(basename "$requirements")"
  local digest
  digest=$(cat requirements*.txt | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
    echo "$digest" > "$stamp"
  fi
  quiet_vendor_notice
}

# Material prints an English end-of-life notice on every `mkdocs` run unless NO_MKDOCS_2_WARNING
# is set, before any project code (hooks) is loaded. A .pth line in this project's virtualenv sets
# it for every program the venv runs, so `.venv/bin/mkdocs build --strict` (as the README gives it)
# shows editors only messages about their pages. It sets nothing that is already set.
# VENV_PYTHON names another environment's python (the tests use the one running them).
quiet_vendor_notice() {
  local site line='import os; os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")'
  site=$("${VENV_PYTHON:-.venv/bin/python}" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
  if [ "$(cat "$site/dangjian-guide-quiet.pth" 2>/dev/null)" != "$line" ]; then
    echo "$line" > "$site/dangjian-guide-quiet.pth"
  fi
}

# Lighthouse (npm, pinned by tests/lighthouse/package-lock.json) for the page-quality test.
ensure_lighthouse() {
  local dir=tests/lighthouse
  local stamp="$dir/node_modules/.installed"
  local digest
  digest=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
    # npm install, not npm ci: a transitive dependency asks for third-party-web@"latest", which
    # npm ci refuses once the lock is older than the newest release.
    npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error
    echo "$digest" > "$stamp"
  fi
}

# apt_install PKG... : install Debian packages (as root, or through sudo).
apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@"
}

export NO_MKDOCS_2_WARNING=1
