// The drawing canvas: strokes in white on black, turned into a 28x28 digit the way MNIST's were
// made (the ink's bounding box scaled into 20x20, centred by its centre of mass).

export class DrawPad {
  private drawing = false;
  private ink = false;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly onChange: () => void,
  ) {
    const ctx = this.context;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.lineWidth = 20;
    ctx.strokeStyle = '#fff';
    this.clear();
    canvas.addEventListener('pointerdown', (e) => {
      this.drawing = true;
      canvas.setPointerCapture(e.pointerId);
      const [x, y] = this.point(e);
      ctx.beginPath();
      ctx.moveTo(x, y);
    });
    canvas.addEventListener('pointermove', (e) => {
      if (!this.drawing) return;
      const [x, y] = this.point(e);
      ctx.lineTo(x, y);
      ctx.stroke();
      this.ink = true;
      this.onChange();
    });
    const end = () => {
      this.drawing = false;
      this.onChange();
    };
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
  }

  get hasInk(): boolean {
    return this.ink;
  }

  clear(): void {
    this.context.fillStyle = '#000';
    this.context.fillRect(0, 0, this.canvas.width, this.canvas.height);
    this.ink = false;
  }

  /** The drawing as 784 values in [0, 1], or undefined while it is empty. */
  digit(): Float32Array | undefined {
    const { width, height } = this.canvas;
    const pixels = this.context.getImageData(0, 0, width, height).data;
    let [x0, y0, x1, y1] = [width, height, -1, -1];
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (pixels[(y * width + x) * 4] > 20) {
          x0 = Math.min(x0, x);
          x1 = Math.max(x1, x);
          y0 = Math.min(y0, y);
          y1 = Math.max(y1, y);
        }
      }
    }
    if (x1 < 0) return undefined;
    const side = Math.max(x1 - x0, y1 - y0) + 1;
    const scale = 20 / side;
    const small = document.createElement('canvas');
    small.width = small.height = 28;
    const sctx = small.getContext('2d', { willReadFrequently: true })!;
    sctx.fillStyle = '#000';
    sctx.fillRect(0, 0, 28, 28);
    const w = (x1 - x0 + 1) * scale;
    const h = (y1 - y0 + 1) * scale;
    sctx.drawImage(this.canvas, x0, y0, x1 - x0 + 1, y1 - y0 + 1, (28 - w) / 2, (28 - h) / 2, w, h);
    const rgba = sctx.getImageData(0, 0, 28, 28).data;
    const gray = Float32Array.from({ length: 784 }, (_, i) => rgba[i * 4] / 255);
    return centreOfMass(gray);
  }

  private get context(): CanvasRenderingContext2D {
    return this.canvas.getContext('2d', { willReadFrequently: true })!;
  }

  private point(e: PointerEvent): [number, number] {
    const r = this.canvas.getBoundingClientRect();
    return [
      ((e.clientX - r.left) * this.canvas.width) / r.width,
      ((e.clientY - r.top) * this.canvas.height) / r.height,
    ];
  }
}

/** Shifts a 28x28 image so that its centre of mass sits at the centre. */
function centreOfMass(img: Float32Array): Float32Array {
  let [m, cx, cy] = [0, 0, 0];
  for (let i = 0; i < 784; i++) {
    m += img[i];
    cx += (i % 28) * img[i];
    cy += Math.floor(i / 28) * img[i];
  }
  if (m === 0) return img;
  const dx = Math.round(13.5 - cx / m);
  const dy = Math.round(13.5 - cy / m);
  const out = new Float32Array(784);
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      const sx = x - dx;
      const sy = y - dy;
      if (sx >= 0 && sx < 28 && sy >= 0 && sy < 28) out[y * 28 + x] = img[sy * 28 + sx];
    }
  }
  return out;
}
