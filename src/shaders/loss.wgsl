// Losses as Keras defines them, one thread per sample (row): `value` writes each sample's loss,
// `gradient` writes d(mean loss over the batch)/d(pred), i.e. each sample's gradient times
// params.scale (1 / batch). Probabilities are clipped to [EPS, 1 - EPS] as Keras does.
// Codes are in src/kernels/loss-codes.ts. Prepended with activation_fns.wgsl.

override LOSS: u32 = 0u;
// Sparse losses take one class index per row instead of a row of targets.
override SPARSE: bool = false;
const EPS = 1e-7;
const WG = 64u;

struct Params {
  rows: u32,
  cols: u32,
  _pad0: u32,
  _pad1: u32,
  scale: f32,  // gradient: 1 / batch
  delta: f32,  // huber's delta
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> pred: array<f32>;       // pred: [rows, cols]
@group(0) @binding(2) var<storage, read> truth: array<f32>;      // [rows, cols], or [rows] (SPARSE)
@group(0) @binding(3) var<storage, read_write> out: array<f32>;  // value: [rows]; gradient: [rows, cols]

fn t_at(r: u32, j: u32) -> f32 {
  if (SPARSE) { return select(0.0, 1.0, u32(truth[r]) == j); }
  return truth[r * params.cols + j];
}

fn p_at(r: u32, j: u32) -> f32 {
  return pred[r * params.cols + j];
}

// Hinge losses take labels in {-1, 1}; a row of {0, 1} labels is mapped there, as Keras does.
fn hinge_labels_binary(r: u32) -> bool {
  for (var j = 0u; j < params.cols; j++) {
    let t = t_at(r, j);
    if (t != 0.0 && t != 1.0) { return false; }
  }
  return true;
}

// Loss of one element, for the losses that average elements over the last axis.
fn elem_value(t: f32, p: f32) -> f32 {
  let e = p - t;
  switch LOSS {
    case 0u: { return e * e; }
    case 1u: { return abs(e); }
    case 2u: { return 100.0 * abs(e) / max(abs(t), EPS); }
    case 3u: { let d = log(max(p, EPS) + 1.0) - log(max(t, EPS) + 1.0); return d * d; }
    case 4u: {
      let pc = clamp(p, EPS, 1.0 - EPS);
      return -(t * log(pc) + (1.0 - t) * log(1.0 - pc));
    }
    case 7u: { return max(1.0 - t * p, 0.0); }
    case 8u: { let h = max(1.0 - t * p, 0.0); return h * h; }
    case 10u: {
      let a = abs(e);
      return select(params.delta * a - 0.5 * params.delta * params.delta, 0.5 * e * e, a <= params.delta);
    }
    case 11u: { return e + activate(-2.0 * e, 6u, vec4<f32>()) - log(2.0); }
    case 13u: { return p - t * log(p + EPS); }
    default: { return 0.0; }
  }
}

// d elem_value / dp.
fn elem_grad(t: f32, p: f32) -> f32 {
  let e = p - t;
  switch LOSS {
    case 0u: { return 2.0 * e; }
    case 1u: { return sign(e); }
    case 2u: { return 100.0 * sign(e) / max(abs(t), EPS); }
    case 3u: {
      let pm = max(p, EPS);
      let d = log(pm + 1.0) - log(max(t, EPS) + 1.0);
      return select(0.0, 2.0 * d / (pm + 1.0), p >= EPS);
    }
    case 4u: {
      if (p < EPS || p > 1.0 - EPS) { return 0.0; }
      return (p - t) / (p * (1.0 - p));
    }
    case 7u: { return select(0.0, -t, 1.0 - t * p > 0.0); }
    case 8u: { return -2.0 * max(1.0 - t * p, 0.0) * t; }
    case 10u: { return select(params.delta * sign(e), e, abs(e) <= params.delta); }
    case 11u: { return activate(e, 3u, vec4<f32>()); }
    case 13u: { return 1.0 - t / (p + EPS); }
    default: { return 0.0; }
  }
}

fn is_hinge() -> bool {
  return LOSS == 7u || LOSS == 8u;
}

fn row_sum(r: u32) -> f32 {
  var s = 0.0;
  for (var j = 0u; j < params.cols; j++) { s += p_at(r, j); }
  return s;
}

// categorical_hinge's largest wrong-class score and its column.
fn hinge_neg(r: u32) -> vec2<f32> {
  var best = vec2<f32>(-3.0e38, 0.0);
  for (var j = 0u; j < params.cols; j++) {
    let v = (1.0 - t_at(r, j)) * p_at(r, j);
    if (v > best.x) { best = vec2<f32>(v, f32(j)); }
  }
  return best;
}

// sum(t²), sum(p²), sum(t·p) of a row, for cosine similarity.
fn dots(r: u32) -> vec3<f32> {
  var d = vec3<f32>(0.0);
  for (var j = 0u; j < params.cols; j++) {
    let t = t_at(r, j);
    let p = p_at(r, j);
    d += vec3<f32>(t * t, p * p, t * p);
  }
  return d;
}

fn row_value(r: u32) -> f32 {
  switch LOSS {
    case 5u, 6u: {
      let s = row_sum(r);
      var v = 0.0;
      for (var j = 0u; j < params.cols; j++) {
        let t = t_at(r, j);
        if (t != 0.0) { v -= t * log(clamp(p_at(r, j) / s, EPS, 1.0 - EPS)); }
      }
      return v;
    }
    case 9u: {
      var pos = 0.0;
      for (var j = 0u; j < params.cols; j++) { pos += t_at(r, j) * p_at(r, j); }
      return max(hinge_neg(r).x - pos + 1.0, 0.0);
    }
    case 12u: {
      var v = 0.0;
      for (var j = 0u; j < params.cols; j++) {
        let t = clamp(t_at(r, j), EPS, 1.0);
        v += t * log(t / clamp(p_at(r, j), EPS, 1.0));
      }
      return v;
    }
    case 14u: {
      let d = dots(r);
      return -d.z / (sqrt(max(d.x, 1e-12)) * sqrt(max(d.y, 1e-12)));
    }
    default: {
      let flip = is_hinge() && hinge_labels_binary(r);
      var v = 0.0;
      for (var j = 0u; j < params.cols; j++) {
        var t = t_at(r, j);
        if (flip) { t = 2.0 * t - 1.0; }
        v += elem_value(t, p_at(r, j));
      }
      return v / f32(params.cols);
    }
  }
}

fn row_gradient(r: u32) {
  let base = r * params.cols;
  let k = params.scale;
  switch LOSS {
    case 5u, 6u: {
      // Through Keras's renormalisation q = p / sum(p) and the clip of q.
      let s = row_sum(r);
      var gq = 0.0; // sum over i of dL/dq_i * q_i
      for (var j = 0u; j < params.cols; j++) {
        let q = p_at(r, j) / s;
        if (q >= EPS && q <= 1.0 - EPS) { gq -= t_at(r, j); }
      }
      for (var j = 0u; j < params.cols; j++) {
        let q = p_at(r, j) / s;
        let g = select(0.0, -t_at(r, j) / q, q >= EPS && q <= 1.0 - EPS);
        out[base + j] = k * (g - gq) / s;
      }
    }
    case 100u: {
      // Categorical crossentropy through softmax, w.r.t. the logits: p·sum(t) - t.
      var st = 0.0;
      for (var j = 0u; j < params.cols; j++) { st += t_at(r, j); }
      for (var j = 0u; j < params.cols; j++) { out[base + j] = k * (p_at(r, j) * st - t_at(r, j)); }
    }
    case 9u: {
      var pos = 0.0;
      for (var j = 0u; j < params.cols; j++) { pos += t_at(r, j) * p_at(r, j); }
      let neg = hinge_neg(r);
      let on = neg.x - pos + 1.0 > 0.0;
      for (var j = 0u; j < params.cols; j++) {
        let t = t_at(r, j);
        let g = select(0.0, 1.0 - t, u32(neg.y) == j) - t;
        out[base + j] = select(0.0, k * g, on);
      }
    }
    case 12u: {
      for (var j = 0u; j < params.cols; j++) {
        let p = p_at(r, j);
        let g = -clamp(t_at(r, j), EPS, 1.0) / clamp(p, EPS, 1.0);
        out[base + j] = select(0.0, k * g, p >= EPS && p <= 1.0);
      }
    }
    case 14u: {
      let d = dots(r);
      let nt = sqrt(max(d.x, 1e-12));
      let np = sqrt(max(d.y, 1e-12));
      let through_norm = d.y > 1e-12;
      for (var j = 0u; j < params.cols; j++) {
        var g = t_at(r, j) / (nt * np);
        if (through_norm) { g -= d.z * p_at(r, j) / (nt * np * np * np); }
        out[base + j] = -k * g;
      }
    }
    default: {
      let flip = is_hinge() && hinge_labels_binary(r);
      let f = f32(params.cols);
      for (var j = 0u; j < params.cols; j++) {
        var t = t_at(r, j);
        if (flip) { t = 2.0 * t - 1.0; }
        out[base + j] = k * elem_grad(t, p_at(r, j)) / f;
      }
    }
  }
}

@compute @workgroup_size(WG)
fn value(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let r = gid.x + gid.y * nwg.x * WG;
  if (r < params.rows) { out[r] = row_value(r); }
}

@compute @workgroup_size(WG)
fn gradient(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let r = gid.x + gid.y * nwg.x * WG;
  if (r < params.rows) { row_gradient(r); }
}
