#!/usr/bin/env bash
# The remote-maintenance inventory: a FortiGate on a FortiOS version with
# known exploited flaws is flagged on screen, heads the PDF's list of things
# to fix as one row naming every flaw, goes on its vendor's sheet with one
# version that fixes them all (for 6.0.4, whose series has none: the series
# to move to; never 6.0.5, which still has three), and appears in the
# リモート保守台帳 with its CVE numbers. Fields left open make no warning.
source "$(dirname "$0")/../lib/e2e.sh"

start_app
setup_facility "みなみ整形外科"
keys 2; wait_for "＋ 事業者を追加する"
keys a; wait_for "新しい事業者"
typ "ベータネット保守"; keys Enter
keys Escape Escape Escape
wait_for "回答の保存先"

keys 3
wait_for "＋ 接続を追加する"
keys Enter
wait_for "新しい接続"
typ "電子カルテ"; keys Enter
keys Right; wait_for "< ベータネット保守 >"
keys Down
typ "リモート保守"; keys Enter
keys Right Right; wait_for "< インターネットVPN（機器） >"
keys Down Right; wait_for "< 常時つながっている >"
keys Down; typ "院長"; keys Enter
keys Right; wait_for "< Array Networks"      # makers in file-name order
for i in 1 2 3 4; do keys Right; done
wait_for "< Citrix"
keys Right Right; wait_for "< Fortinet（フォーティネット） >"
keys Down Right; wait_for "< FortiGate（FortiOS） >"
keys Down
typ "FortiGate 60E"; keys Enter
typ "FortiGate-60E v6.0.4,build0231 (GA)"; keys Enter   # pasted as shown
wait_for "版 6.0.4 として保存しました"
wait_for "攻撃に使われている弱点が 11 件あります（うち 7 件は"
wait_for "6.0系には、ここに挙げた弱点をすべて直"
screen | grep -qF "6.0.5 以上" && fail "the screen asks for 6.0.5, which still has flaws"
no_english
keys Escape                                  # Enter moved on: back to the list
wait_for "＋ 接続を追加する"
wait_for "[!]"
wait_for "既知の弱点あり"
keys Up w                                    # its one warning, in full
wait_for "【1/1・至急】この機器には、すでに攻撃に使われている弱点が 11 件"
keys Escape
wait_for "＋ 接続を追加する"
keys Escape
wait_for "回答の保存先"
wait_for "既知の弱点あり！"                   # on ホーム too

# the checklist's 2-⑥ (security patches) shows what the inventory found
keys 1
wait_for "1 / 22"
for i in $(seq 1 9); do keys Right; done
wait_for "2-⑥"
wait_for "リモート保守の棚卸しから"
keys Escape q
check "exit 0" test "$(wait_exit)" = 0

"$BIN" report -o "$WORK/r.pdf" >/dev/null 2>&1 || fail "report"
text=$(pdftotext -f 2 "$WORK/r.pdf" - 2>/dev/null | tr -d ' \n')
cover=$(pdftotext -l 1 "$WORK/r.pdf" - 2>/dev/null | tr -d ' \n')
echo "$cover" | grep -qF "まず最初に:リモート保守に使っている機器" || fail "the cover does not warn first: $cover"
first=${text#*優先して対応すること}
check "the PDF has the priority list" test "$first" != "$text"
gaps=${first%%事業者への依頼*}
echo "$gaps" | grep -qF "CVE-2018-13379" || fail "priority list lacks the CVE"
# it heads the list: the first row is the flaw, marked 至急, to do at once
head=${gaps#*担当目標日}
head=${head:0:200}
echo "$head" | grep -qF "至急リモート保守:" || fail "the flaw does not head the list: $head"
echo "$head" | grep -qF "すでに攻撃に使われている弱点が11件あります" || fail "the device is not one row of its flaws: $head"
for cve in CVE-2018-13379 CVE-2022-42475 CVE-2023-27997 CVE-2024-21762; do
  echo "$gaps" | grep -qF "$cve" || fail "the priority list lacks $cve"
done
check "one row for the device, not one per flaw" \
  test "$(echo "$gaps" | grep -o "この機器には" | wc -l)" = 1
# fields left open are not warnings: this connection answered only some
echo "$gaps" | grep -qF "初期パスワードが変わっていない" && fail "an open field became a warning"
echo "$gaps" | grep -qF "1年以上更新されていない" && fail "an empty date became a warning"
sheet=${text#*ベータネット保守御中}
sheet=${sheet%%チェックリスト回答一覧*}
echo "$sheet" | grep -qF "CVE-2018-13379" || fail "vendor sheet lacks the CVE"
echo "$sheet" | grep -qF "6.0系には、ここに挙げた弱点をすべて直した版がありません" || fail "vendor sheet does not say 6.0 has no fix"
echo "$sheet" | grep -qF "以上に移してください" || fail "vendor sheet does not name the series to move to"
echo "$sheet" | grep -qF "6.0.5以上" && fail "vendor sheet asks for 6.0.5, which still has flaws"
echo "$sheet" | grep -qF "この接続について、次の点を書面でお知らせください" || fail "the open fields are not asked"
check "the device is one request, not one per flaw" \
  test "$(echo "$sheet" | grep -o "すでに攻撃に使われている次の弱点" | wc -l)" = 1
# the ledger is a table: read it laid out, a cell's words stay on a line
ledger=$(pdftotext -f 2 -layout "$WORK/r.pdf" - 2>/dev/null | sed -n '/リモート保守台帳/,$p')
echo "$ledger" | grep -qF "FortiGate" || fail "ledger lacks the model"
echo "$ledger" | grep -qF "既知の弱点あり" || fail "ledger lacks the flag"
echo "$ledger" | grep -qF "CVE-2024-21762" || fail "ledger lacks the CVE numbers"
echo "$ledger" | grep -qF "インターネットVPN" || fail "ledger lacks the line type"
echo "$ledger" | grep -qF "未回答" || fail "ledger does not show open fields as 未回答"

# status tells the whole state, most urgent first, and no open field as
# a fault
st=$("$BIN" status 2>&1)
echo "$st" | sed -n 3p | grep -qF "至急: 電子カルテ（ベータネット保守）の機器（バージョン 6.0.4）" || fail "status does not start with the flaw: $st"
echo "$st" | grep -qF "未回答の欄" || fail "status does not count the open fields: $st"
echo "$st" | grep -qF "初期パスワードが変わっていない" && fail "status states an open field as a fault: $st"
echo "$st" | grep -qF "事業者 ベータネット保守: 送る依頼" || fail "status lacks the vendor's requests: $st"
echo "$st" | grep -qF "保守委託機関編の判定:" || fail "status lacks the judgement: $st"
echo "$st" | grep -qF "連絡体制: まだ記入していない必要な連絡先:" || fail "status lacks the missing contacts: $st"
echo "$st" | grep -qF "1-①、2-①、2-②" || fail "status does not name the unanswered items: $st"

# updating the version clears the flag
start_app
wait_for "回答の保存先"
keys 3; wait_for "[!]"
keys Enter
wait_for "攻撃に使われている弱点が 11 件あります"
for i in $(seq 1 9); do keys Down; done
wait_for "6.0.4"
keys C-u; typ "最新"; keys Enter                # no number: refused, says what to type
wait_for "版の番号が見つかりません"
keys C-u; typ "7.6.6"; keys Enter
wait_gone "既知の弱点"
keys Escape
wait_for "＋ 接続を追加する"
screen | grep -qF "[!]" && fail "the list still flags the updated device"
wait_for "既知の弱点の一覧：令和8年8月21日時点（CISA KEV）"   # the list's date, always
keys Escape q
check "exit 0 after the update" test "$(wait_exit)" = 0

# a list over six months old says so, in status (with the folder to put a
# newer one in) and in the PDF (without any folder of this computer)
mkdir -p "$XDG_DATA_HOME/iryosec/content/vulns"
for f in "$SRC"/content/vulns/*.yaml; do
  sed 's/^kev_as_of: .*/kev_as_of: 2026-01-10/' "$f" > "$XDG_DATA_HOME/iryosec/content/vulns/$(basename "$f")"
done
st=$("$BIN" status 2>&1)
echo "$st" | grep -qF "既知の弱点の一覧：令和8年1月10日時点" || fail "status lacks the list's date: $st"
echo "$st" | grep -qF "6か月以上前" || fail "status does not warn of an old list: $st"
echo "$st" | grep -qF "$XDG_DATA_HOME/iryosec/content/vulns" || fail "status does not say where a newer list goes: $st"
"$BIN" report -o "$WORK/old.pdf" >/dev/null 2>&1 || fail "report with an old list"
old=$(pdftotext "$WORK/old.pdf" - 2>/dev/null | tr -d ' \n')
echo "$old" | grep -qF "6か月以上前" || fail "the PDF does not warn of an old list"
echo "$old" | grep -qF "$WORK" && fail "the PDF names a folder of this computer"
# (a table cell: the ledger's first column, its lines joined)
pdftotext -layout "$WORK/old.pdf" - 2>/dev/null | awk '{print $1}' | tr -d '\n' |
  grep -qF "この一覧にある弱点は見つかりませんでした。最新版かどうかは事業者に確かめてください。" ||
  fail "the updated device is not told what the list can say"
echo "$old" | grep -qF "安全です" && fail "a device is called safe"

# a connection with many warnings: the form shows the worst and the count;
# w on the list shows each one, and paging reaches the last
start_app
wait_for "回答の保存先"
keys 3; wait_for "＋ 接続を追加する"
keys Up Enter
wait_for "機器を更新する人"
for i in $(seq 1 10); do keys Down; done     # 機器を更新する人
keys Left; wait_for "< わからない >"
keys Down Down Left                          # 出荷時パスワードの変更: わからない
keys Down Left                               # パスワードの使い回し: わからない
keys Down Right Right                        # 二要素認証: 使っていない
wait_for "< 使っていない >"
keys Down Left Down Left Down Left           # 管理画面, 患者の情報, 記録: わからない
wait_for "注意は全部で"
n=$(screen | sed -n 's/.*注意は全部で \([0-9]*\) 件。? ですべて読めます.*/\1/p' | head -1)
check "the form counts the warnings" test -n "$n"
check "several warnings ($n)" test "${n:-0}" -ge 5
keys Escape
wait_for "＋ 接続を追加する"
keys Up w
wait_for "この接続の注意は ${n:-?} 件です"
wait_for "【1/${n:-?}・"
screen | grep -qF "【${n:-?}/${n:-?}・" && fail "all ${n:-?} warnings fit one page: nothing to scroll"
for i in $(seq 1 30); do
  screen | grep -qF "【${n:-?}/${n:-?}・" && break
  keys NPage; sleep 0.1
done
wait_for "【${n:-?}/${n:-?}・"                # the last warning, paged to
keys Home; wait_for "【1/${n:-?}・"
keys End; wait_for "【${n:-?}/${n:-?}・"
no_english
keys Escape
wait_for "＋ 接続を追加する"
keys q
check "exit 0 after the warnings" test "$(wait_exit)" = 0
finish
