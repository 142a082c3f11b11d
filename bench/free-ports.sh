# Sourced by the bench scripts: free_ports N prints N free TCP ports on 127.0.0.1, all different. The sockets are
# held open together while the kernel picks them (one at a time, it may hand the same port out twice in a row).
free_ports() {
  node -e 'const net=require("net");const n=+process.argv[1];const s=[];let up=0;
    for(let i=0;i<n;i++){const x=net.createServer();s.push(x);x.listen(0,"127.0.0.1",()=>{if(++up===n){
      console.log(s.map(v=>v.address().port).join(" "));s.forEach(v=>v.close());}});}' "$1"
}
