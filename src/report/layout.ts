// The layout of a Chinese official document (GB/T 9704-2012 《党政机关公文格式》, as docs/report.md
// cites it): A4, 版心 156 × 225 mm with 天头 37 mm and 订口 28 mm, 22 lines of 28 characters, body in
// 3号仿宋, title in 2号小标宋, headings 一、黑体 /（一）楷体 / 1. 仿宋, page numbers "— 1 —" in 4号宋体.

/** Twentieths of a point per millimetre. */
const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (v: number): number => Math.round(v * TWIPS_PER_MM);

/** Chinese type sizes (字号) in half-points, as Word's w:sz holds them. */
export const SIZE = { 二号: 44, 三号: 32, 四号: 28, 小四: 24, 五号: 21 } as const;

export const PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(37),
  left: mm(28),
  /** 210 − 28 − 156. */
  right: mm(26),
  /** 297 − 37 − 225. */
  bottom: mm(35),
  /** The page number sits about 7 mm below the 版心. */
  footer: mm(28),
} as const;

/** Text width of the 版心, for tables. */
export const TEXT_WIDTH = mm(156);

/** 225 mm ÷ 22 lines ≈ 28.95 pt: a fixed line pitch, in twips. */
export const LINE = 579;

/** Two 3号 characters: the first-line indent of body text, in twips. */
export const INDENT = 2 * 16 * 20;

/**
 * Fonts by role: the East Asian face the document asks for and the face Word or WPS should use when
 * it is missing (written to the font table as w:altName). Latin text and figures use Times New Roman.
 */
export const FONTS = {
  title: { name: '方正小标宋简体', alt: '宋体' },
  heading1: { name: '黑体', alt: 'SimHei' },
  heading2: { name: '楷体', alt: 'KaiTi' },
  body: { name: '仿宋', alt: 'FangSong' },
  pageNumber: { name: '宋体', alt: 'SimSun' },
} as const;

export const LATIN = 'Times New Roman';
