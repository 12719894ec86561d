# Replays every OUTDIR/*.csv with the stretchguard binary and scores the alerts against the .truth files:
# twist faults (|twist| >= 15 deg held 0.25 s; alerts within 13 deg are not false), bounce episodes, RMSE.
# usage: score.py OUTDIR BINARY
import csv, sys, glob, os, subprocess, numpy as np
binp = sys.argv[2]
def episodes(t, flags, mindur=0):
    eps=[]; s=None
    for ti,f in zip(t,flags):
        if f and s is None: s=ti
        if not f and s is not None: eps.append((s,ti)); s=None
    if s is not None: eps.append((s,t[-1]))
    return [e for e in eps if e[1]-e[0]>=mindur]
tot = {'tw_exp':0,'tw_det':0,'tw_false':0,'b_exp':0,'b_det':0,'b_false':0}; se=[]; n=0; refused=0
for f in sorted(glob.glob(sys.argv[1]+'/*.csv')):
    out=f.replace('.csv','.out')
    r=subprocess.run([binp,'replay',f,'--output',out],capture_output=True,text=True)
    if r.returncode: refused+=1; print('REFUSED',f,r.stderr.strip()[:200]); continue
    o=list(csv.DictReader(open(out))); tr=list(csv.DictReader(open(f.replace('.csv','.truth'))))
    t=np.array([float(x['t']) for x in tr]); tw=np.array([float(x['twist_deg']) for x in tr]); bt=np.array([int(x['bounce']) for x in tr])
    et=np.array([float(x['twist_deg']) for x in o]); ta=np.array([int(x['twist_alert']) for x in o]); ba=np.array([int(x['bounce_alert']) for x in o])
    se.append(np.mean((et-tw)**2)); n+=1
    faults=episodes(t,np.abs(tw)>=15,0.25); near=episodes(t,np.abs(tw)>=13); alerts=episodes(t,ta==1)
    bf=episodes(t,bt==1); bal=episodes(t,ba==1)
    det=sum(any(a[1]>=fa[0] and a[0]<=fa[1]+1 for a in alerts) for fa in faults)
    fal=sum(not any(a[0]<=fa[1]+1 and a[1]>=fa[0]-0.5 for fa in faults+near) for a in alerts)
    bdet=sum(any(a[1]>=fa[0] and a[0]<=fa[1]+1.75 for a in bal) for fa in bf)
    bfal=sum(not any(a[0]<=fa[1]+1.75 and a[1]>=fa[0]-0.5 for fa in bf) for a in bal)
    tot['tw_exp']+=len(faults); tot['tw_det']+=det; tot['tw_false']+=fal; tot['b_exp']+=len(bf); tot['b_det']+=bdet; tot['b_false']+=bfal
    if det<len(faults) or fal or bdet<len(bf) or bfal: print(os.path.basename(f), 'twist',det,'/',len(faults),'false',fal,'bounce',bdet,'/',len(bf),'false',bfal, 'rmse %.2f'%np.sqrt(se[-1]))
print(tot, 'twist RMSE %.2f'%np.sqrt(np.mean(se)), 'runs',n,'refused',refused)
