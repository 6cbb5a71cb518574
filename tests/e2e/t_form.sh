#!/usr/bin/env bash
# The one form module, as a user meets it on the four form screens: Esc
# in a field undoes it and says so (never leaves the screen), Esc outside
# leaves and says what was kept; ? is a character while typing and F1 is
# the help; a choice is picked from its list by number or first letter;
# the key bar follows the field; hints show valid examples; every warning
# about a connection can be read.
source "$(dirname "$0")/../lib/e2e.sh"

DB=$WORK/form.db
start_app -- --db "$DB"
wait_for "初回設定"

# -- first-time setup -------------------------------------------------
typ "森の診療所?"                             # ? is typed, not help
wait_for "森の診療所?"
keys F1                                       # F1 is the help, even typing
wait_for "ヘルプ"
wait_for "施設の種類: 病院、有床診療所"        # the field help, from the table
keys Escape
wait_for "森の診療所?"
keys Escape                                   # in a field: undone, said
wait_for "入力欄は変更していません"
check "the undone name was not saved" [ -z "$(sqlite3 "$DB" 'SELECT name FROM facility' 2>/dev/null)" ]
keys Escape                                   # outside, on a first run: stays, says why
wait_for "施設名と種類を入れてから"
wait_for "初回設定"
keys Enter; typ "森の診療所"; keys Enter
wait_db "SELECT name FROM facility" "森の診療所"
wait_for "Enter 選択肢を見る"                  # the key bar of a choice field
keys Enter                                    # the list of types
wait_for "1   病院"
wait_for "5   薬局"
keys 3                                        # picked by its number
wait_for "< 無床診療所 >"
wait_db "SELECT type FROM facility" "clinic"
keys Down Down Down Down Down Down
wait_for "[ 保存して始める ]"
keys Enter
wait_for "回答の保存先"

# -- the server form: Esc while typing stays on the form ----------------
keys 4; wait_for "保守委託機関編の判定"
keys Down Enter
wait_for "新しいサーバ・パソコン"
typ "院内サーバ"; keys Enter
wait_for "保存しました"
keys Up; typ "ほげ"; keys Escape
wait_for "入力欄は変更していません"
wait_for "院内サーバ"                         # still the server form
check "Esc in the name kept the saved name" [ "$(sqlite3 "$DB" 'SELECT name FROM server')" = "院内サーバ" ]
keys Escape                                   # outside: back, and said
wait_for "戻りました。入力した内容は保存されています"
wait_for "保守委託機関編の判定"
keys Escape; wait_for "回答の保存先"

# -- a connection: the maker by its first letter, the warnings ----------
keys 3; wait_for "＋ 接続を追加する"
keys a; wait_for "新しい接続"
typ "電子カルテ"; keys Enter
keys Down Down                                # つなぎ方
keys Enter; wait_for "2   インターネットVPN（機器）"
keys 2
wait_for "< インターネットVPN（機器） >"
keys Down Down                                # 機器のメーカー
keys Enter; wait_for "その他・わからない"
keys f Enter                                  # the first maker with F
wait_for "< Fortinet（フォーティネット） >"
wait_db "SELECT maker FROM connection" "fortinet"
keys Enter 2                                  # FortiGate (FortiOS)
wait_for "< FortiGate（FortiOS） >"
keys Down                                     # 機種 -> バージョン
typ "FortiGate-60E v6.0.4,build0231 (GA)"; keys Enter
wait_for "版 6.0.4 として保存しました"
wait_for "? で弱点を一つずつ読めます"
wait_for "うち"                               # how many need a feature on
keys Down                                     # 最後の更新: a valid example
month=${IRYOSEC_TODAY%-*}                  # the test day's month
wait_for "例: $month-01"
keys Escape                                   # leave the field, then help
keys '?'
wait_for "［この接続についての注意］"
wait_for "CVE-2018-13379"
keys Escape
wait_for "電子カルテ"
keys Escape
wait_for "リモート保守"
keys Escape
wait_for "回答の保存先"

# -- a contract question cut at 80x24: ? shows the whole of it ----------
keys 2; wait_for "＋ 事業者を追加する"
keys a; typ "森の保守"; keys Enter
wait_for "保存しました"
keys Escape Escape                            # undo the field, then the list
wait_for "＋ 事業者を追加する"
keys Enter Enter                              # the vendor opens at its questions
wait_for "森の保守: 契約の確認  1 / "
wait_for "続きは ? で、質問の全文を読めます"
keys '?'
wait_for "ヘルプ"
keys End                                      # the end of the question's text
wait_for "どの画面でもこのヘルプが出ます"
keys Escape
wait_for "森の保守: 契約の確認  1 / "
no_english
keys q
wait_exit >/dev/null
finish
