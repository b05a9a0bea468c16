// Advance widths of printable ASCII in Times New Roman (the Times-Roman metrics it shares), in thousandths
// of an em, so line breaks can be estimated for Western digits and letters in Chinese text.
const WIDTHS_FROM_SPACE = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, // space ! " # $ % & ' ( ) * + , - . /
  500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, // 0–9 : ; < = > ?
  921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, // @ A–O
  556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, // P–Z [ \ ] ^ _
  333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, // ` a–o
  500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541, // p–z { | } ~
];

/** Width of a printable ASCII character in ems; undefined for any other character. */
export function latinAdvanceEm(char: string): number | undefined {
  const width = WIDTHS_FROM_SPACE[char.charCodeAt(0) - 0x20];
  return char.length === 1 && width !== undefined ? width / 1000 : undefined;
}
