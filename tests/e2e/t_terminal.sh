#!/usr/bin/env bash
# A window below 80x24 shows a message and recovers; no TERM is a clear error.
source "$(dirname "$0")/../lib/e2e.sh"

start_app
setup_facility "こばやし眼科"
tm resize-window -t s -x 60 -y 20
wait_for "画面が小さすぎます（いまは横60 × 縦20）"
keys Enter                     # keys other than q do nothing meanwhile
tm resize-window -t s -x 100 -y 30
wait_for "回答の保存先"
tm resize-window -t s -x 80 -y 24
keys Enter
wait_for "1 / 22"
tm resize-window -t s -x 79 -y 24
wait_for "画面が小さすぎます"
tm resize-window -t s -x 80 -y 24
wait_for "1 / 22"
keys q
check "quit after resizing" test "$(wait_exit)" = 0

start_app TERM= --
wait_for "端末の種類（TERM）が設定されていません"
check "no TERM: exit 1" test "$(wait_exit)" = 1
start_app TERM=no-such-terminal --
wait_for "端末の種類「no-such-terminal」が分かりません"
finish
