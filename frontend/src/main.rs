fn main() {
    klasbrug_frontend::run();
}
