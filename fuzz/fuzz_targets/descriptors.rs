#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| clausier_fuzz::descriptors(data));
