#!/bin/sh
# End-to-end: `extortrace eval --strict` on the detector's label files.
#   usage: detect_eval_test.sh EXTORTRACE SOURCE_DIR
# The project's own synthetic texts and demo samples always run; the shared
# corpus (../shared/data/mail: real extortion mail, BitcoinAbuse rows, ~10,000
# ham and hard-negative spam) runs when it is present and is skipped with a
# message otherwise. --strict fails on any false positive, missed extortion,
# or wrong category/wallet/demand/deadline.
set -eu
BIN=$1
SRC=$2
fail() { echo "FAIL: $*" >&2; exit 1; }

"$BIN" eval --strict "$SRC/tests/detect/synthetic/labels.csv" "$SRC/data/labels/samples.csv" ||
  fail "synthetic/sample labels"

if [ ! -d "$SRC/../shared/data/mail/extortion" ]; then
  echo "SKIP: ../shared/data/mail is absent; shared-corpus evaluation not run"
  exit 0
fi
"$BIN" eval --strict "$SRC/data/labels/extortion_emails.csv" "$SRC/data/labels/bitcoinabuse.csv" ||
  fail "extortion corpus: every labelled message must be detected with the right extraction"
"$BIN" eval --strict "$SRC/data/labels/ham.csv" "$SRC/data/labels/negatives.csv" ||
  fail "ham and hard negatives must produce zero false positives"
echo "OK"
