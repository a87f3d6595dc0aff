// Source: statrs-dev/statrs: src/function/gamma.rs, fn gamma
use autodiff_core::differentiate;
// The crate's `crate::consts`, as written in src/consts.rs:
mod consts {
    pub const SQRT_2PI: f64 = 2.5066282746310005024157652848110452530069867406099;
    pub const LN_PI: f64 = 1.1447298858494001741434273513530587116472948129153;
    pub const LN_SQRT_2PI: f64 = 0.91893853320467274178032973640561763986139747363778;
    pub const LN_SQRT_2PIE: f64 = 1.4189385332046727417803297364056176398613974736378;
    pub const LN_2_SQRT_E_OVER_PI: f64 = 0.6207822376352452223455184457816472122518527279025978;
    pub const TWO_SQRT_E_OVER_PI: f64 = 1.8603827342052657173362492472666631120594218414085755;
    pub const EULER_MASCHERONI: f64 =
        0.5772156649015328606065120900824024310421593359399235988057672348849;
}
use core::f64::consts as f64_consts;
use num_traits::Float as _;
const GAMMA_R: f64 = 10.900511;
const GAMMA_DK: &[f64] = &[
    2.48574089138753565546e-5,
    1.05142378581721974210,
    -3.45687097222016235469,
    4.51227709466894823700,
    -2.98285225323576655721,
    1.05639711577126713077,
    -1.95428773191645869583e-1,
    1.70970543404441224307e-2,
    -5.71926117404305781283e-4,
    4.63399473359905636708e-6,
    -2.71994908488607703910e-9,
];

#[differentiate]
pub fn gamma(x: f64) -> f64 {
    if x < 0.5 {
        let s = GAMMA_DK
            .iter()
            .enumerate()
            .skip(1)
            .fold(GAMMA_DK[0], |s, t| s + t.1 / (t.0 as f64 - x));

        f64_consts::PI
            / ((f64_consts::PI * x).sin()
                * s
                * consts::TWO_SQRT_E_OVER_PI
                * ((0.5 - x + GAMMA_R) / f64_consts::E).powf(0.5 - x))
    } else {
        let s = GAMMA_DK
            .iter()
            .enumerate()
            .skip(1)
            .fold(GAMMA_DK[0], |s, t| s + t.1 / (x + t.0 as f64 - 1.0));

        s * consts::TWO_SQRT_E_OVER_PI * ((x - 0.5 + GAMMA_R) / f64_consts::E).powf(x - 0.5)
    }
}
