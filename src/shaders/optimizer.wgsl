// Optimizer updates over a flat range of parameters, so one dispatch updates a whole model.
// Numerics follow Keras 3 (codes in src/kernels/optimizer.ts):
//   0 SGD:     m = momentum·m - lr·g;  p += m  (nesterov: p += momentum·m - lr·g);
//              without momentum p -= lr·g
//   1 Adam:    m += (g - m)(1 - β1);  v += (g² - v)(1 - β2);  p -= lr_t·m / (sqrt(v) + ε),
//              lr_t = lr·sqrt(1 - β2^t) / (1 - β1^t) computed on the CPU per step
//   2 RMSprop: v = ρ·v + (1 - ρ)·g²;  p -= lr·g / sqrt(v + ε)
//   3 Adagrad: a += g²;  p -= lr·g / sqrt(a + ε)

override OPTIMIZER: u32 = 1u;
override NESTEROV: bool = false;
const WG = 256u;

struct Params {
  n: u32,
  _pad0: u32,
  _pad1: u32,
  _pad2: u32,
  lr: f32,        // Adam: lr_t
  beta1: f32,     // SGD: momentum; RMSprop: rho
  beta2: f32,
  epsilon: f32,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> param: array<f32>; // parameters: [n]
@group(0) @binding(2) var<storage, read> grad: array<f32>;        // gradients: [n]
@group(0) @binding(3) var<storage, read_write> slot1: array<f32>; // momentum, m, velocity or accumulator
@group(0) @binding(4) var<storage, read_write> slot2: array<f32>; // Adam's v

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let i = gid.x + gid.y * nwg.x * WG;
  if (i >= params.n) { return; }
  let g = grad[i];
  switch OPTIMIZER {
    case 0u: {
      if (params.beta1 == 0.0) {
        param[i] -= params.lr * g;
      } else {
        let m = params.beta1 * slot1[i] - params.lr * g;
        slot1[i] = m;
        param[i] += select(m, params.beta1 * m - params.lr * g, NESTEROV);
      }
    }
    case 1u: {
      let m = slot1[i] + (g - slot1[i]) * (1.0 - params.beta1);
      let v = slot2[i] + (g * g - slot2[i]) * (1.0 - params.beta2);
      slot1[i] = m;
      slot2[i] = v;
      param[i] -= params.lr * m / (sqrt(v) + params.epsilon);
    }
    case 2u: {
      let v = params.beta1 * slot1[i] + (1.0 - params.beta1) * g * g;
      slot1[i] = v;
      param[i] -= params.lr * g / sqrt(v + params.epsilon);
    }
    default: {
      let a = slot1[i] + g * g;
      slot1[i] = a;
      param[i] -= params.lr * g / sqrt(a + params.epsilon);
    }
  }
}
