#!/usr/bin/env python3
"""Random Korean personal names, written three ways, for measuring precision on Korean names.

The twenty commonest Korean family names, weighted by their shares in Statistics Korea's 2015
census (Kim 21.5%, Lee 14.7%, Park 8.4%, Choi 4.7%, Jeong 4.3%, ...), and a given name of two
syllables drawn from common given-name syllables. Each name is written in Hangul (which corridor
reads in the Revised Romanisation through ICU), in the McCune-Reischauer style of the DPRK's
names on the lists (breves and apostrophes left out: Kim Kwang chol) and in the Revised
Romanisation with passport family names (Lee Gwangcheol). docs/matching.md ("Korean names across
romanisations") records a run:

    tools/korean_names.py --out-dir DIR [--count 3000] [--seed 7]
    build/corridor match --db lists.db --queries DIR/mr.csv --format json --limit 1 > mr.jsonl
    tools/alert_share.py mr.jsonl
"""
import argparse
import os
import random

# Family name: (Hangul, McCune-Reischauer as the lists write it, passport spelling), census weight.
FAMILY = [("김", "Kim", "Kim", 21.5), ("이", "Ri", "Lee", 14.7), ("박", "Pak", "Park", 8.4),
          ("최", "Choe", "Choi", 4.7), ("정", "Jong", "Jeong", 4.3), ("강", "Kang", "Kang", 2.3),
          ("조", "Jo", "Cho", 2.1), ("윤", "Yun", "Yoon", 2.1), ("장", "Jang", "Jang", 2.0),
          ("임", "Rim", "Lim", 1.7), ("한", "Han", "Han", 1.5), ("오", "O", "Oh", 1.5),
          ("서", "So", "Seo", 1.5), ("신", "Sin", "Shin", 1.4), ("권", "Kwon", "Kwon", 1.4),
          ("황", "Hwang", "Hwang", 1.3), ("안", "An", "Ahn", 1.3), ("송", "Song", "Song", 1.3),
          ("류", "Ryu", "Ryu", 1.2), ("홍", "Hong", "Hong", 1.1)]
# Given-name syllable: (Hangul, McCune-Reischauer, Revised Romanisation).
GIVEN = [("민", "min", "min"), ("준", "jun", "jun"), ("서", "so", "seo"), ("연", "yon", "yeon"),
         ("지", "ji", "ji"), ("현", "hyon", "hyeon"), ("우", "u", "u"), ("예", "ye", "ye"),
         ("도", "do", "do"), ("하", "ha", "ha"), ("은", "un", "eun"), ("성", "song", "seong"),
         ("수", "su", "su"), ("영", "yong", "yeong"), ("진", "jin", "jin"), ("혜", "hye", "hye"),
         ("정", "jong", "jeong"), ("호", "ho", "ho"), ("동", "dong", "dong"),
         ("철", "chol", "cheol"), ("광", "kwang", "gwang"), ("명", "myong", "myeong"),
         ("일", "il", "il"), ("남", "nam", "nam"), ("희", "hui", "hui"), ("경", "kyong", "gyeong"),
         ("석", "sok", "seok"), ("혁", "hyok", "hyeok"), ("용", "yong", "yong"),
         ("훈", "hun", "hun"), ("재", "jae", "jae"), ("태", "thae", "tae"), ("상", "sang", "sang"),
         ("기", "gi", "gi"), ("국", "guk", "guk"), ("선", "son", "seon"), ("미", "mi", "mi"),
         ("순", "sun", "sun"), ("옥", "ok", "ok"), ("숙", "suk", "suk"), ("자", "ja", "ja"),
         ("주", "ju", "ju"), ("원", "won", "won")]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", required=True)
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    random.seed(args.seed)
    names = {}
    while len(names) < args.count:
        family = random.choices(FAMILY, [f[3] for f in FAMILY])[0]
        first, second = random.choice(GIVEN), random.choice(GIVEN)
        names[family[0] + first[0] + second[0]] = (family, first, second)
    os.makedirs(args.out_dir, exist_ok=True)
    files = {kind: open(os.path.join(args.out_dir, kind + ".csv"), "w", encoding="utf-8")
             for kind in ("hangul", "mr", "rr")}
    for out in files.values():
        out.write("name\n")
    for hangul in sorted(names):
        family, first, second = names[hangul]
        files["hangul"].write(hangul + "\n")
        files["mr"].write(f"{family[1]} {first[1].capitalize()} {second[1]}\n")
        files["rr"].write(f"{family[2]} {first[2].capitalize()}{second[2]}\n")
    for out in files.values():
        out.close()


if __name__ == "__main__":
    main()
