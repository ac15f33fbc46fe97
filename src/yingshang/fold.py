"""Fold the ways a plan may be typed into one form, one character for one character.

Plans reach readers typed in Traditional characters (Hong Kong, Macao and Taiwan reposts,
`不超過2.5個工作日`), with full-width Latin letters and digits (`２０１９年`, `ＡＰＰ`) or with
ASCII punctuation where the original had full-width. `fold` maps all of these onto Simplified
characters and ASCII, so that one set of patterns reads every copy.

The folded text has exactly the length of the original, so a span found in it slices the
original too: matching runs on the fold, spans and raw text come from the source.

What folds:

- Full-width forms U+FF01–U+FF5E fold to ASCII U+0021–U+007E: `Ａ`→`A`, `０`→`0`, `（`→`(`,
  `，`→`,`, `：`→`:`, and `．`→`.` (so `８．５` reads as 8.5, and a `１．` item marker as `1.`,
  which the extractor already reads as an item marker).
- The ideographic space U+3000 and the no-break space U+00A0 fold to an ASCII space.
- About 900 Traditional characters that carry meaning in plans fold to Simplified: the role
  words (牽頭/負責/配合/責任單位), numbers and units (個/萬/億/兩/畝/號), bounds and verbs
  (內/超過/達到/實現/壓縮/縮減/環節), dates (週/時限/屆) and the common words of government
  text. Only characters whose Traditional form is never a Simplified character in its own
  right are listed: 著, 乾 and 覆 stay as they are, since Simplified text writes them too.

What does not fold: the ideographic comma and full stop (`、`, `。`), Chinese quotation marks,
brackets such as `〔〕` and `【】`, and `〇` — they have no ASCII form of the same meaning.

>>> fold("不超過２．５個工作日")
'不超过2.5个工作日'
>>> fold("１７．６萬戶")
'17.6万户'
"""

from __future__ import annotations

import functools
import re

__all__ = ["fold"]

# Tone-marked vowels: a bracket of Latin letters holding one is pinyin, not an abbreviation.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# The pinyin some mirror sites write after each character they converted (津政規(guī), 20萬(wàn)元):
# a bracket of up to seven letters, one of them toned. It does not fold (it is no character for
# one character); the parser removes it and the extractor reads past it. (A pattern's source, for
# `re` and `regex` alike; each reader adds what must stand before it.)
_PINYIN_NOTE = rf"[(（](?=[a-zü]{{0,5}}[{_TONED}])[a-zü{_TONED}]{{1,7}}[)）]"

# Pairs of a Traditional character and its Simplified form, grouped by what they write.
_TRADITIONAL_SIMPLIFIED = """
個个 萬万 億亿 兩两 貳贰 參参 陸陆 條条 項项 種种 類类 點点 號号 張张 筆笔 間间 屆届
幾几 雙双 單单 數数 畝亩 噸吨 釐厘 倉仓 戶户 樓楼 層层 塊块 隻只 對对 組组 級级 額额
週周 時时 歲岁 曆历 歷历 後后 於于 內内 際际 階阶 過过 達达 現现 進进 實实 與与 為为
從从 將将 應应 並并 併并 當当 還还 這这 們们 來来 麼么 裡里 裏里 兒儿 嗎吗 會会 開开
牽牵 頭头 負负 責责 協协 辦办 門门 機机 關关 構构 區区 縣县 鄉乡 鎮镇 廳厅 黨党 務务
長长 員员 總总 導导 領领 監监 處处 廣广 東东 廠厂 團团 國国 華华 專专
稅税 財财 費费 價价 貿贸 銀银 險险 證证 証证 權权 產产 業业 營营 環环 體体 製制 預预
審审 計计 統统 規规 劃划 設设 築筑 標标 準准 質质 檢检 驗验 測测 認认 電电 氣气 熱热
網网 絡络 訊讯 郵邮 遞递 運运 輸输 車车 鐵铁 場场 園园 發发 變变 動动 護护 創创 術术
資资 報报 備备 許许 復复 複复 頒颁 佈布 執执 優优 簡简 盡尽 儘尽 確确 職职 歸归 據据
縮缩 減减 壓压 節节 滿满 擴扩 續续 終终 結结 給给 絕绝 經经 維维 綜综 線线 綫线
練练 繳缴 績绩 緊紧 編编 緩缓 織织 繼继 纖纤 罰罚 紀纪 約约 納纳 紙纸 紛纷 純纯 紅红
細细 紹绍 習习 聯联 聲声 聽听 錢钱 幣币 貨货 購购 買买 賣卖 貸贷 帳账 賬账 債债 擔担
儲储 銷销 圓圆 稱称 讓让 識识 請请 說说 話话 語语 論论 討讨 議议 記记 錄录 訂订 試试
詢询 詳详 調调 諮咨 誠诚 課课 誤误 諾诺 讀读 謀谋 譯译 該该 評评 講讲 謂谓 譽誉 訪访
訴诉 診诊 註注 詞词 談谈 謹谨 譜谱 託托 訓训 訟讼 誌志 認认 誕诞 誰谁 諒谅 謊谎 謝谢
讚赞 變变 設设 許许 覽览 覺觉 觀观 觸触 見见 視视 親亲 覈核 規规 貝贝 貢贡 販贩 貧贫
貫贯 貴贵 貼贴 賀贺 賓宾 賠赔 賴赖 賽赛 贊赞 贏赢 贈赠 賃赁 賜赐 賤贱 賦赋 賺赚 豐丰
趕赶 趨趋 跡迹 蹤踪 踐践 躍跃 軌轨 軍军 軟软 載载 較较 輔辅 輕轻 輛辆 輪轮 輝辉 軸轴
轄辖 輯辑 轉转 轟轰 辭辞 農农 遠远 適适 遲迟 選选 遺遗 邊边 鄰邻 連连 遊游 違违 遙遥
遷迁 邁迈 醫医 釋释 針针 鈔钞 鋼钢 錯错 鍵键 鎖锁 鏈链 鋪铺 鍋锅 鏡镜 鐘钟 鍾钟 鑑鉴
鑒鉴 鈕钮 銜衔 錦锦 鍊炼 鑰钥 釘钉 鈴铃 鉛铅 銅铜 鋒锋 閉闭 閒闲 閱阅 闆板 閘闸 閣阁
閥阀 闊阔 闡阐 閃闪 閩闽 陽阳 陰阴 隊队 隨随 隱隐 難难 離离 雲云 靈灵 靜静 響响 頁页
頂顶 順顺 頻频 顏颜 願愿 顯显 題题 顧顾 頓顿 須须 頑顽 風风 飛飞 飯饭 養养 館馆 飼饲
餘余 飲饮 飽饱 飾饰 餅饼 餵喂 饋馈 飢饥 饑饥 馬马 駐驻 驅驱 駕驾 駛驶 騰腾 騎骑 騙骗
驚惊 驛驿 骯肮 髒脏 髮发 鬥斗 鬆松 鬧闹 魚鱼 魯鲁 鮮鲜 鳥鸟 鳳凤 鳴鸣 鴻鸿 鵝鹅 鷹鹰
鹽盐 麥麦 黃黄 齊齐 齡龄 龍龙 龜龟 齒齿 麗丽 擁拥 樂乐 問问 題题 樣样 檔档 屬属 廢废
棄弃 獎奖 勵励 懲惩 濟济 淨净 凈净 溫温 灣湾 漢汉 濱滨 瀋沈 災灾 煙烟 燈灯 爭争 牆墙
獨独 狀状 獲获 猶犹 畢毕 疊叠 療疗 盤盘 礎础 礙碍 禮礼 禍祸 積积 穩稳 窮穷 競竞 範范
籌筹 簽签 籤签 糧粮 臨临 舉举 舊旧 藝艺 蘇苏 藥药 衛卫 補补 裝装 襲袭 擊击 攜携 擾扰
攬揽 撥拨 掛挂 採采 揮挥 換换 撫抚 撐撑 損损 搶抢 擬拟 擇择 敗败 斷断 書书 極极 槓杠
樞枢 櫃柜 歐欧 殘残 殺杀 氫氢 決决 況况 涼凉 淺浅 湧涌 溝沟 滅灭 滯滞 漲涨 潔洁 澤泽
濃浓 烏乌 無无 爛烂 爾尔 犧牺 獻献 異异 盜盗 眾众 衆众 睏困 矯矫 碼码 磚砖 禦御 穀谷
窩窝 紐纽 綠绿 緒绪 縱纵 繕缮 罷罢 羅罗 義义 聖圣 聞闻 肅肃 脅胁 脫脱 腳脚 興兴 艦舰
莊庄 葉叶 蓋盖 蔣蒋 蕭萧 薦荐 薩萨 藍蓝 虛虚 蟲虫 衝冲 沖冲 貓猫 趙赵 鄭郑 醬酱 陣阵
陳陈 隸隶 雜杂 雞鸡 霧雾 韓韩 傳传 傷伤 傑杰 僅仅 傾倾 偉伟 側侧 偵侦 僱雇 儀仪 償偿
兌兑 冊册 凍冻 劉刘 則则 剛刚 劇剧 勞劳 勢势 勁劲 務务 勝胜 勳勋 卻却 厭厌 厲厉 叢丛
吳吴 啟启 喪丧 喚唤 嚴严 圍围 圖图 執执 堅坚 塵尘 墊垫 壞坏 壇坛 壘垒 壯壮 壽寿 夠够
夢梦 奪夺 奮奋 婦妇 媽妈 學学 寧宁 寫写 寬宽 寶宝 尋寻 嶺岭 巖岩 帥帅 師师 帶带 幫帮
庫库 廁厕 廈厦 廚厨 彈弹 彌弥 彙汇 匯汇 滙汇 徑径 徵征 憂忧 態态 慶庆 憑凭 懷怀 戀恋
戰战 戲戏 拋抛 掃扫 掙挣 揚扬 撲扑 擋挡 擠挤 擺摆 攝摄 敘叙 斂敛 斬斩 晉晋 暢畅 暫暂
曉晓 曠旷 棟栋 楊杨 榮荣 槍枪 樹树 橋桥 歡欢 殼壳 毀毁 漁渔 漿浆 潛潜 濕湿 灘滩 灑洒
爐炉 獅狮 獵猎 獸兽 瑪玛 疇畴 瘋疯 癢痒 盃杯 碩硕 磯矶 祿禄 禪禅 稈秆 窯窑 竄窜 篩筛
籃篮 糾纠 紋纹 紡纺 締缔 緯纬 繩绳 繪绘 繫系 係系 纜缆 罵骂 羨羡 翹翘 聰聪 聳耸 脈脉
腸肠 膠胶 臉脸 臟脏 臺台 檯台 颱台 艱艰 莖茎 萊莱 蒼苍 蓮莲 蔔卜 薑姜 蘭兰 蘋苹 虧亏
蝦虾 襯衬 覓觅 詩诗 誇夸 譏讥 豎竖 遞递 邏逻 闖闯 幹干 鬱郁 劑剂 劍剑 勸劝 匯汇 匱匮
協协 厙厍 嚮向 團团 壓压 奧奥 妝妆 孫孙 寵宠 實实 屆届 崗岗 廟庙 廬庐 廂厢 彎弯 彞彝
徹彻 恆恒 惡恶 惱恼 慣惯 慘惨 慮虑 憲宪 憐怜 懇恳 懶懒 戶户 揀拣 擴扩 攤摊 敵敌
斃毙 暈晕 條条 梟枭 構构 檻槛 權权 歎叹 氾泛 汙污 滬沪 漸渐 潰溃 瀏浏 灤滦 煩烦 燒烧
燦灿 營营 牘牍 犢犊 猻狲 獄狱 瑣琐 璽玺 甕瓮 畫画 當当 癒愈 發发 皺皱 盞盏 睜睁 矚瞩
碩硕 祕秘 禱祷 稅税 穌稣 窪洼 竊窃 筍笋 築筑 簍篓 糞粪 紮扎 絲丝 綁绑 綱纲 網网 緝缉
縫缝 縷缕 繃绷 繞绕 繭茧 缽钵 罈坛 羈羁 翺翱 聶聂 膽胆 膩腻 艙舱 芻刍 蕩荡 蘆芦 處处
蠶蚕 衊蔑 裊袅 褲裤 覲觐 訂订 訃讣 訖讫 訐讦 詐诈 詛诅 詭诡 誘诱 諸诸 諜谍 諦谛 諧谐
謎谜 謠谣 譴谴 讒谗 貞贞 貪贪 貶贬 賊贼 賄贿 賂赂 賭赌 贓赃 贖赎 跡迹 蹟迹 躉趸 軀躯
轅辕 辯辩 辦办 迴回 適适 郵邮 醞酝 釀酿 鈍钝 鉤钩 銳锐 鋸锯 錘锤 鍛锻 鎊镑 鏟铲 鐲镯
鑄铸 閏闰 闈闱 陘陉 險险 隕陨 雋隽 雛雏 雙双 霽霁 靂雳 韋韦 韻韵 頃顷 頌颂 頗颇
頸颈 顆颗 顛颠 颳刮 颶飓 餃饺 餓饿 餞饯 饒饶 馳驰 馴驯 駁驳 駭骇 驟骤 驢驴 鬍胡
別别 強强 愛爱 纏缠 爲为 佔占 叄叁 啓启 島岛 沒没 羣群 閲阅 醜丑
"""


# The characters that fold most often, in text of any length: ，（）：；！？％, the ideographic
# space and the full-width point.
_COMMON = (
    *((wide, chr(ord(wide) - 0xFEE0)) for wide in "，（）：；！？％．"),
    ("\u3000", " "),
)


@functools.cache
def _foldable() -> re.Pattern[str]:
    # The characters that fold, as one class, captured so that `split` keeps them at the odd
    # places: most characters of a plan do not fold, and replacing the few that do through
    # split and join is faster than str.translate's lookup of every character, and than `sub`,
    # which calls back into Python for each one.
    return re.compile("([" + "".join(re.escape(chr(code)) for code in sorted(_table())) + "])")


@functools.cache
def _folded() -> dict[str, str]:
    """Map each character that folds to its folded form, keyed by the character itself."""
    return {chr(code): folded for code, folded in _table().items()}


@functools.cache
def _table() -> dict[int, str]:
    """Build the translation table on first use: `import yingshang` stays cheap."""
    table: dict[int, str] = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
    table[0x3000] = " "
    table[0x00A0] = " "
    table.update({ord(pair[0]): pair[1] for pair in _TRADITIONAL_SIMPLIFIED.split()})
    return table


def fold(text: str) -> str:
    """Return `text` with Traditional characters and full-width forms folded, same length.

    Each character maps to exactly one character, so ``len(fold(s)) == len(s)`` and a span
    found in the folded copy slices `s` at the same offsets. Folding twice changes nothing.

    >>> fold("負責單位：市發展改革委")
    '负责单位:市发展改革委'
    >>> fold("Ａ　Ｂ")
    'A B'
    """
    # The full-width punctuation of every Chinese text first, one character for one, each
    # replace a fast scan: the split below then has only the rarer characters to cut at.
    for wide, narrow in _COMMON:
        text = text.replace(wide, narrow)
    parts = _foldable().split(text)
    if len(parts) == 1:
        return text  # nothing (more) folds
    parts[1::2] = map(_folded().__getitem__, parts[1::2])
    return "".join(parts)
