#!/usr/bin/env bash
# Starts the local RabbitMQ if it is down (installing it on a machine that lacks it) and waits until it takes
# connections on 127.0.0.1:5672; the tests of the exchange module publish to it as guest/guest. Idempotent.
set -euo pipefail
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
listening() { (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; }
if ! listening; then
  if ! command -v rabbitmq-server >/dev/null 2>&1; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq rabbitmq-server
  fi
  echo "starting RabbitMQ"
  $SUDO rabbitmq-server -detached || true
  for _ in $(seq 1 60); do listening && break; sleep 1; done
fi
listening || { echo "RabbitMQ does not listen on 127.0.0.1:5672" >&2; exit 1; }
$SUDO rabbitmqctl await_startup >/dev/null 2>&1 || true
echo "rabbitmq ready"
