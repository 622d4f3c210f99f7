// Reuses GPU buffers by size and usage, so a training step allocates nothing after the first.

const ALIGN = 16; // bytes; lets any buffer be viewed as vec4<f32> and satisfies copy alignment

export interface MemoryInfo {
  /** GPU buffers created by the engine and not yet destroyed (in use or pooled). */
  buffers: number;
  /** Their total size in bytes. */
  bytes: number;
  /** Buffers handed out and not yet released. */
  buffersInUse: number;
  bytesInUse: number;
}

export class BufferPool {
  private readonly free = new Map<string, GPUBuffer[]>();
  private readonly sizes = new WeakMap<GPUBuffer, number>();
  private stats = { buffers: 0, bytes: 0, buffersInUse: 0, bytesInUse: 0 };

  constructor(private readonly device: GPUDevice) {}

  /** A buffer of at least `bytes` bytes with exactly `usage`, labelled `label`. */
  acquire(bytes: number, usage: GPUBufferUsageFlags, label: string): GPUBuffer {
    const size = Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN);
    const list = this.free.get(`${size}:${usage}`);
    let buffer = list?.pop();
    if (buffer) {
      buffer.label = label;
    } else {
      buffer = this.device.createBuffer({ label, size, usage });
      this.sizes.set(buffer, size);
      this.stats.buffers++;
      this.stats.bytes += size;
    }
    this.stats.buffersInUse++;
    this.stats.bytesInUse += size;
    return buffer;
  }

  /** Returns a buffer from acquire(); the caller must not use it afterwards. */
  release(buffer: GPUBuffer): void {
    const size = this.sizes.get(buffer);
    if (size === undefined)
      throw new Error(`buffer "${buffer.label}" does not belong to this pool`);
    const key = `${size}:${buffer.usage}`;
    const list = this.free.get(key) ?? [];
    list.push(buffer);
    this.free.set(key, list);
    this.stats.buffersInUse--;
    this.stats.bytesInUse -= size;
  }

  /** Destroys the pooled buffers that nobody holds. */
  trim(): void {
    for (const list of this.free.values()) {
      for (const buffer of list) {
        this.stats.buffers--;
        this.stats.bytes -= this.sizes.get(buffer) ?? 0;
        buffer.destroy();
      }
    }
    this.free.clear();
  }

  memory(): MemoryInfo {
    return { ...this.stats };
  }
}
