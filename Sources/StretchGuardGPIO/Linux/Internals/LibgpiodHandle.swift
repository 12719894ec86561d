/// A pointer to a shim object (`sg_gpiod_chip` or `sg_gpiod_request`) that may cross threads.
///
/// `@unchecked Sendable` because libgpiod objects are plain heap objects with no thread affinity, and
/// every holder keeps this handle inside a `Mutex` (`LinuxGPIOChip`, `LinuxGPIOOutput`,
/// `LinuxGPIOEdgeInput`), which serializes every use of the pointer and its release.
struct LibgpiodHandle: @unchecked Sendable {
    let pointer: OpaquePointer
}
