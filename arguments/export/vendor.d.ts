// svg-to-pdfkit ships no types: the one function it exports (see pdf.ts for how it is called).
declare module 'svg-to-pdfkit' {
  function SVGtoPDF(doc: unknown, svg: string, x?: number, y?: number, options?: Record<string, unknown>): void;
  export default SVGtoPDF;
}
