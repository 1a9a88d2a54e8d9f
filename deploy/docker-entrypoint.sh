#!/usr/bin/env bash
# The image's entry point: runs one dealergraph process, named by the first argument.
#   dealergraph gateway|dealers|products|prices|credit|orders|integration   a long-running service
#   dealergraph prepare                     migrations (and demo data when SEED_DEMO_DATA=true), once per deploy
#   dealergraph admin-create --email …      the first administrator (password on standard input)
#   dealergraph health <service>            exit 0 when that service answers its health check here
#   dealergraph --dry-run <command> …       print the command instead of running it
# The services run the compiled JavaScript (dist/, the `dealergraph-compiled` export condition) the
# way `npm start`'s supervisor starts them (launcher/src/supervisor/child.ts), without its IPC guard.
set -euo pipefail

APP_DIR="${APP_DIR:-/app}"
dry_run=false
if [[ "${1:-}" == "--dry-run" ]]; then
  dry_run=true
  shift
fi

usage() {
  echo "usage: dealergraph [--dry-run] gateway|dealers|products|prices|credit|orders|integration|prepare|admin-create [args…]" >&2
  echo "       dealergraph health <service>" >&2
  exit 64
}

command="${1:-}"
[[ -n "$command" ]] || usage
shift

node_args=(
  --enable-source-maps
  --conditions=dealergraph-compiled
  --import "$APP_DIR/launcher/dist/supervisor/graphql-production.js"
)

# Where each service listens and how it says it is up (launcher/src/supervisor/services.ts).
health_url() {
  case "$1" in
    gateway) echo "http://127.0.0.1:${PORT:-4000}/readiness" ;;
    dealers) echo "http://127.0.0.1:${DEALERS_PORT:-4001}/health" ;;
    products) echo "http://127.0.0.1:${PRODUCTS_PORT:-4002}/health" ;;
    prices) echo "http://127.0.0.1:${PRICES_PORT:-4003}/health" ;;
    credit) echo "http://127.0.0.1:${CREDIT_PORT:-4004}/health" ;;
    orders) echo "http://127.0.0.1:${ORDERS_PORT:-4005}/health" ;;
    integration) echo "http://127.0.0.1:${INTEGRATION_PORT:-4006}/health" ;;
    *) usage ;;
  esac
}

case "$command" in
  gateway) cmd=(node "${node_args[@]}" "$APP_DIR/gateway/dist/main.js" "$@") ;;
  dealers | products | prices | credit | orders | integration)
    cmd=(node "${node_args[@]}" "$APP_DIR/subgraphs/$command/dist/main.js" "$@") ;;
  prepare) cmd=(node "${node_args[@]}" "$APP_DIR/launcher/dist/prepare.main.js" "$@") ;;
  admin-create) cmd=(node "${node_args[@]}" "$APP_DIR/launcher/dist/admin-create.main.js" "$@") ;;
  health)
    [[ $# -eq 1 ]] || usage
    url="$(health_url "$1")"
    cmd=(node -e "fetch(process.argv[1], { signal: AbortSignal.timeout(2000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))" "$url") ;;
  *) usage ;;
esac

if [[ "$dry_run" == true ]]; then
  printf '%q ' "${cmd[@]}"
  echo
  exit 0
fi
exec "${cmd[@]}"
